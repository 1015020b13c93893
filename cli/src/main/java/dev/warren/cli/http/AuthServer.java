package dev.warren.cli.http;

import dev.warren.functions.caller.CallerAuthentication;
import dev.warren.protocol.HttpEdge;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The local stand-in for API Gateway: a small HTTP/1.1 server that hands every request, target
 * untouched, to the same {@link HttpEdge} the Lambda handlers use.
 *
 * <p>Why not the JDK's {@code HttpServer}: it parses the target with {@code java.net.URI} and
 * answers 400 itself for an invalid percent-escape, where the spec wants 200 {@code deny}; it
 * matches contexts by prefix on the decoded path; and it writes headers and body separately.
 * Here each connection runs on its own platform thread (a slow client delays nobody), within the
 * bounds of {@link HttpLimits}; Nagle is off and each response leaves in one write.
 *
 * <p>Why platform threads, not virtual ones: the connection cap bounds their number anyway, and a
 * platform thread blocked in a read is woken by the kernel directly, where a virtual thread waits
 * for the JDK's poller and then for a carrier. Under the broker-like mix the virtual threads gave a
 * p99 2 to 5 times the JDK server's, the platform threads 1.0 to 2.0 times (docs/benchmarks.md).
 * Key derivations never run here in either case (they have their own bounded pool).
 *
 * <p>The accept loop survives anything (an OutOfMemoryError, running out of file descriptors):
 * it backs off briefly and tries again rather than dying or spinning.
 */
public final class AuthServer implements AutoCloseable {

    static final long MIN_BACKOFF_MILLIS = 10;
    static final long MAX_BACKOFF_MILLIS = 1_000;
    private static final Thread.Builder CONNECTION_THREADS = Thread.ofPlatform().name("warren-conn-", 1).daemon(true);

    private final ServerSocket socket;
    private final HttpEdge edge;
    private final CallerAuthentication callers;
    private final HttpLimits limits;
    private final ConnectionLimiter limiter;
    private final PrintStream errors;
    private final Thread acceptor;

    private AuthServer(ServerSocket socket, HttpEdge edge, CallerAuthentication callers, HttpLimits limits,
                       PrintStream errors) {
        this.socket = socket;
        this.edge = edge;
        this.callers = callers;
        this.limits = limits;
        this.limiter = new ConnectionLimiter(limits.maxConnections());
        this.errors = errors;
        this.acceptor = Thread.ofPlatform().name("warren-accept").daemon(true).unstarted(this::acceptLoop);
    }

    public static AuthServer start(InetSocketAddress address, HttpEdge edge) throws IOException {
        return start(address, edge, HttpLimits.DEFAULTS);
    }

    public static AuthServer start(InetSocketAddress address, HttpEdge edge, HttpLimits limits) throws IOException {
        return start(address, edge, limits, CallerAuthentication.publicAccess());
    }

    /** Serves callers that pass {@code callers} (e.g. HTTP Basic); others get the broker's refusal. */
    public static AuthServer start(InetSocketAddress address, HttpEdge edge, HttpLimits limits,
                                   CallerAuthentication callers) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(address, 1024);
        return start(socket, edge, callers, limits, System.err);
    }

    /** Serves on a socket that is already bound. */
    static AuthServer start(ServerSocket bound, HttpEdge edge, HttpLimits limits, PrintStream errors) {
        return start(bound, edge, CallerAuthentication.publicAccess(), limits, errors);
    }

    static AuthServer start(ServerSocket bound, HttpEdge edge, CallerAuthentication callers, HttpLimits limits,
                            PrintStream errors) {
        AuthServer server = new AuthServer(bound, edge, callers, limits, errors);
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

    /** Connections being served right now (at most {@link HttpLimits#maxConnections()}). */
    public int openConnections() {
        return limiter.openConnections();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        acceptor.interrupt();
        limiter.closeAll();
    }

    private void acceptLoop() {
        long backoff = MIN_BACKOFF_MILLIS;
        while (!socket.isClosed()) {
            try {
                acceptOne();
                backoff = MIN_BACKOFF_MILLIS;
            } catch (InterruptedException e) {
                return; // closing
            } catch (Throwable t) {
                if (socket.isClosed()) {
                    return;
                }
                errors.println("warren serve: accepting a connection failed (" + t.getClass().getSimpleName()
                        + "); retrying in " + backoff + " ms");
                limiter.makeRoom(); // out of file descriptors: free one held by an idle or slow client
                if (!sleep(backoff)) {
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    /**
     * Accepts one connection, then waits for a slot for it (closing idle keep-alive connections
     * while none is free): at most one connection beyond the cap is held open, the rest wait in
     * the kernel's backlog.
     */
    private void acceptOne() throws IOException, InterruptedException {
        Socket client = socket.accept();
        try {
            limiter.acquire();
        } catch (InterruptedException | RuntimeException | Error e) {
            client.close();
            throw e;
        }
        limiter.opened(client);
        try {
            HttpConnection connection = new HttpConnection(client, edge, callers, limits, limiter, errors);
            CONNECTION_THREADS.start(connection::serve);
        } catch (RuntimeException | Error e) {
            limiter.closed(client);
            client.close();
            throw e;
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
