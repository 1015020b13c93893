package dev.warren.cli.http;

import dev.warren.definitions.DefinitionsReader;
import dev.warren.password.PasswordHasher;
import dev.warren.protocol.DecisionLog;
import dev.warren.protocol.HttpEdge;
import dev.warren.service.AuthServices;
import dev.warren.store.InMemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The sample definitions behind the shared edge, and raw-socket helpers for the server tests. */
final class SampleEdge {

    private SampleEdge() {
    }

    static HttpEdge create() {
        return create(r -> { });
    }

    static HttpEdge create(DecisionLog log) {
        try {
            InMemoryStore store = new InMemoryStore(DefinitionsReader.read(Path.of("..", "examples", "definitions.json")));
            return new HttpEdge(AuthServices.over(store, store, new PasswordHasher(1_000)), log);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load examples/definitions.json", e);
        }
    }

    static AuthServer start(HttpLimits limits) {
        try {
            return AuthServer.start(new InetSocketAddress("127.0.0.1", 0), create(), limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends raw bytes (ISO-8859-1) and returns everything the server writes until it closes. */
    static String raw(AuthServer server, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.address().getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
