package dev.warren.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warren.protocol.EdgeRequest;
import dev.warren.protocol.EdgeResponse;
import dev.warren.protocol.HttpEdge;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local stand-in for API Gateway: the JDK's HTTP server handing every request, untouched,
 * to the same {@link HttpEdge} the Lambda handlers use. Nagle is off and each request runs on
 * its own virtual thread, so a slow client never delays the others.
 */
public final class AuthServer implements AutoCloseable {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private AuthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static AuthServer start(InetSocketAddress address, HttpEdge edge) throws IOException {
        HttpServer server = HttpServer.create(address, 1024);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(edge, exchange));
        server.start();
        return new AuthServer(server, executor);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Base URL such as {@code http://127.0.0.1:8080}. */
    public String url() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + a.getPort();
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }

    private static void serve(HttpEdge edge, HttpExchange exchange) {
        try (exchange) {
            // The request target exactly as sent: URI.toString() keeps the original text, where
            // getRawPath() would read "///auth/user" as an empty authority plus "/auth/user".
            String target = exchange.getRequestURI().toString();
            int question = target.indexOf('?');
            String rawPath = question < 0 ? target : target.substring(0, question);
            byte[] rawQuery = question < 0 ? null
                    : target.substring(question + 1).getBytes(StandardCharsets.ISO_8859_1);
            byte[] body = readBody(exchange.getRequestBody());
            EdgeResponse response = edge.handle(new EdgeRequest(exchange.getRequestMethod(), rawPath, rawQuery,
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            send(exchange, response);
        } catch (IOException | RuntimeException e) {
            // The client went away or sent something the server could not read; nothing to answer.
        }
    }

    /** Reads at most one byte past the limit, so an oversized body is detected without buffering it. */
    private static byte[] readBody(InputStream in) throws IOException {
        return in.readNBytes(HttpEdge.MAX_BODY_BYTES + 1);
    }

    private static void send(HttpExchange exchange, EdgeResponse response) throws IOException {
        byte[] body = response.bodyBytes();
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            exchange.getResponseHeaders().set(header.getKey(), header.getValue());
        }
        if (response.status() == 413) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
