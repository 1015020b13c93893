package dev.warren.cli;

import dev.warren.protocol.EdgeRequest;
import dev.warren.protocol.EdgeResponse;
import dev.warren.protocol.HttpEdge;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local stand-in for API Gateway: a small HTTP/1.1 server that hands every request, target
 * untouched, to the same {@link HttpEdge} the Lambda handlers use.
 *
 * <p>Why not the JDK's {@code HttpServer}: it parses the target with {@code java.net.URI} and
 * answers 400 itself for an invalid percent-escape, where the spec wants 200 {@code deny}; it
 * matches contexts by prefix on the decoded path; and it writes headers and body separately.
 * Here each connection runs on its own virtual thread (a slow client delays nobody), Nagle is
 * off, and each response leaves in one write.
 */
public final class AuthServer implements AutoCloseable {

    /** How long an idle keep-alive connection (or a silent client) is kept. */
    static final int IDLE_TIMEOUT_MILLIS = 60_000;

    private final ServerSocket socket;
    private final HttpEdge edge;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private AuthServer(ServerSocket socket, HttpEdge edge) {
        this.socket = socket;
        this.edge = edge;
        this.acceptor = Thread.ofPlatform().name("warren-accept").daemon(true).unstarted(this::acceptLoop);
    }

    public static AuthServer start(InetSocketAddress address, HttpEdge edge) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(address, 1024);
        AuthServer server = new AuthServer(socket, edge);
        server.acceptor.start();
        return server;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
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
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket c : connections) {
            closeQuietly(c);
        }
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.add(client);
                Thread.ofVirtual().name("warren-conn").start(() -> serve(client));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            client.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            OutputStream out = client.getOutputStream();
            HttpRequestReader reader = new HttpRequestReader(new BufferedInputStream(client.getInputStream()), out,
                    HttpEdge.MAX_BODY_BYTES);
            while (true) {
                HttpRequestReader.RawRequest request;
                try {
                    request = reader.next();
                } catch (HttpRequestReader.BadRequest e) {
                    write(out, "HTTP/1.1", false, new EdgeResponse(e.status, e.getMessage(),
                            Map.of("Content-Type", EdgeResponse.CONTENT_TYPE)), false);
                    return;
                }
                if (request == null) {
                    return;
                }
                EdgeResponse response = edge.handle(toEdge(request));
                boolean keepAlive = request.keepAlive();
                write(out, request.version(), request.method().equals("HEAD"), response, keepAlive);
                if (!keepAlive) {
                    return;
                }
            }
        } catch (SocketException e) {
            // client went away, or the server is closing
        } catch (IOException e) {
            // read timeout or broken connection: nothing left to answer
        } finally {
            connections.remove(client);
        }
    }

    private static EdgeRequest toEdge(HttpRequestReader.RawRequest request) {
        String target = request.target();
        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        byte[] rawQuery = question < 0 ? null : target.substring(question + 1).getBytes(StandardCharsets.ISO_8859_1);
        return new EdgeRequest(request.method(), rawPath, rawQuery, request.header("Content-Type"), request.body());
    }

    /** Status line, headers and body in one buffer, one write. */
    private static void write(OutputStream out, String version, boolean head, EdgeResponse response,
                              boolean keepAlive) throws IOException {
        byte[] body = response.bodyBytes();
        StringBuilder headers = new StringBuilder(160);
        headers.append(version.equals("HTTP/1.0") ? "HTTP/1.0 " : "HTTP/1.1 ")
                .append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
        response.headers().forEach((k, v) -> headers.append(k).append(": ").append(v).append("\r\n"));
        headers.append("Content-Length: ").append(body.length).append("\r\n");
        headers.append(keepAlive ? (version.equals("HTTP/1.0") ? "Connection: keep-alive\r\n" : "")
                : "Connection: close\r\n");
        headers.append("\r\n");
        ByteArrayOutputStream message = new ByteArrayOutputStream(headers.length() + body.length);
        message.writeBytes(headers.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            message.writeBytes(body);
        }
        out.write(message.toByteArray());
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> "Status";
        };
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closing
        }
    }
}
