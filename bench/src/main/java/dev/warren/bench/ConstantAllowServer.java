package dev.warren.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The yardstick for `warren serve`'s throughput: the JDK's own HTTP server on virtual threads,
 * reading each request body and answering {@code allow} to everything. Loopback only; stops when
 * its standard input closes or after the given number of seconds.
 *
 * <pre>java -cp warren-bench.jar dev.warren.bench.ConstantAllowServer SECONDS</pre>
 */
public final class ConstantAllowServer {

    private static final byte[] ALLOW = "allow".getBytes(StandardCharsets.US_ASCII);

    private ConstantAllowServer() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, ALLOW.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(ALLOW);
                }
            } catch (IOException e) {
                // the client went away
            }
        });
        server.start();
        System.out.println("listening on http://127.0.0.1:" + server.getAddress().getPort());
        System.out.flush();
        Thread.sleep(seconds * 1000L);
        server.stop(0);
        System.exit(0);
    }
}
