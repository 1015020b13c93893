package dev.warren.cli.http;

import dev.warren.functions.caller.CallerAuthentication;
import dev.warren.functions.caller.CallerCredentials;
import dev.warren.functions.caller.CallerVerdict;
import dev.warren.protocol.EdgeRequest;
import dev.warren.protocol.EdgeResponse;
import dev.warren.protocol.HttpEdge;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;

/**
 * Serves one connection, request after request: waits for a request (idle deadline), reads its
 * head (head deadline), routes it, sends {@code 100 Continue} only to a routed HTTP/1.1 request
 * that asked, reads its body (body deadline), checks the caller (as the functions do), and hands
 * it to the shared {@link HttpEdge}. A
 * request that cannot be framed is answered (400/408/413/414/431) and the connection closed.
 */
final class HttpConnection {

    private final Socket socket;
    private final HttpEdge edge;
    private final CallerAuthentication callers;
    private final HttpLimits limits;
    private final ConnectionLimiter limiter;
    private final PrintStream log;

    HttpConnection(Socket socket, HttpEdge edge, CallerAuthentication callers, HttpLimits limits,
                   ConnectionLimiter limiter, PrintStream log) {
        this.socket = socket;
        this.edge = edge;
        this.callers = callers;
        this.limits = limits;
        this.limiter = limiter;
        this.log = log;
    }

    void serve() {
        try (socket) {
            socket.setTcpNoDelay(true);
            DeadlineInputStream deadline = new DeadlineInputStream(socket);
            RequestInput in = new RequestInput(deadline);
            LineReader lines = new LineReader(in);
            HeadReader heads = new HeadReader(lines, limits);
            BodyReader bodies = new BodyReader(lines, heads, limits.maxBodyBytes());
            ResponseWriter writer = new ResponseWriter(socket.getOutputStream());
            deadline.expireIn(limits.headTimeout()); // the first request's head counts from accept
            limiter.sending(socket);
            boolean first = true;
            while (true) {
                if (!first && !awaitNextRequest(deadline, in)) {
                    return;
                }
                first = false;
                try {
                    if (!exchange(heads, bodies, writer, deadline)) {
                        return;
                    }
                } catch (HttpFailure failure) {
                    refuse(writer, failure);
                    return;
                } catch (SocketTimeoutException timeout) {
                    refuse(writer, new HttpFailure(408, "request not received in time"));
                    return;
                }
            }
        } catch (IOException e) {
            // client went away, idle timeout, or the server is closing: nothing left to answer
        } finally {
            limiter.closed(socket);
        }
    }

    /** Logs the refusal (fixed wording, never a request value) and answers it; the connection then closes. */
    private void refuse(ResponseWriter writer, HttpFailure failure) throws IOException {
        log.println("warren serve: " + failure.status + " to " + socket.getRemoteSocketAddress() + ": "
                + failure.getMessage());
        writer.failure(failure);
    }

    /** Waits (idle deadline) for the first byte of the next request; false when there is none. */
    private boolean awaitNextRequest(DeadlineInputStream deadline, RequestInput in) throws IOException {
        limiter.idle(socket);
        deadline.expireIn(limits.idleTimeout());
        if (!in.awaitByte()) {
            return false;
        }
        limiter.sending(socket);
        deadline.expireIn(limits.headTimeout());
        return true;
    }

    /** One request and its answer; false when the connection must close afterwards. */
    private boolean exchange(HeadReader heads, BodyReader bodies, ResponseWriter writer, DeadlineInputStream deadline)
            throws IOException, HttpFailure {
        RequestHead head = heads.read();
        if (head == null) {
            return false;
        }
        Framing framing = Framing.of(head);
        Optional<EdgeResponse> refusal = edge.refusal(head.method(), head.rawPath());
        if (refusal.isPresent()) {
            limiter.deciding(socket);
            // the body (if any) is left unread, so the connection cannot carry another request
            boolean keepAlive = head.keepAlive() && framing instanceof Framing.None;
            writer.write(head, refusal.get(), keepAlive);
            return keepAlive;
        }
        if (head.expectsContinue() && !(framing instanceof Framing.None)) {
            writer.continueInterim();
        }
        deadline.expireIn(limits.bodyTimeout());
        byte[] body = bodies.read(framing);
        limiter.deciding(socket);
        EdgeRequest request = new EdgeRequest(head.method(), head.rawPath(), head.rawQuery(),
                head.joined("Content-Type"), body);
        CallerVerdict verdict = callers.check(new CallerCredentials(head.joined("Authorization"), null));
        EdgeResponse response = verdict.admits() ? edge.handle(request) : edge.refuseCaller(request, verdict.reason());
        boolean keepAlive = head.keepAlive();
        writer.write(head, response, keepAlive);
        return keepAlive;
    }
}
