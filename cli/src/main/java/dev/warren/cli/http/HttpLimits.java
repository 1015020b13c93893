package dev.warren.cli.http;

import dev.warren.protocol.HttpEdge;
import java.time.Duration;

/**
 * Every bound the local server puts on a client, in one place (docs/security.md says what each
 * one defends). Worst-case memory held for one connection is about
 * {@code maxRequestLineBytes + maxHeadBytes + maxBodyBytes}; times {@code maxConnections} it
 * stays far below a 256 MiB heap.
 *
 * @param maxConnections connections served at once; the next ones wait in the kernel's backlog
 *     while room is made (see {@link ConnectionLimiter})
 * @param maxRequestLineBytes longest request line (method, target, version); beyond it 414
 * @param maxHeaderLineBytes longest single header line; beyond it 431
 * @param maxHeaderCount most header lines in one head (trailers counted the same way); beyond it 431
 * @param maxHeadBytes all header lines of one head together; beyond it 431
 * @param maxBodyBytes largest body (Content-Length or chunked); beyond it 413
 * @param headTimeout the whole request head (first byte to blank line) must arrive within this; else 408
 * @param bodyTimeout the whole body must arrive within this once the head is read; else 408
 * @param idleTimeout how long a keep-alive connection may wait for its next request
 */
public record HttpLimits(int maxConnections, int maxRequestLineBytes, int maxHeaderLineBytes, int maxHeaderCount,
                         int maxHeadBytes, int maxBodyBytes, Duration headTimeout, Duration bodyTimeout,
                         Duration idleTimeout) {

    /** What {@code warren serve} uses. */
    public static final HttpLimits DEFAULTS = new HttpLimits(256, 16 * 1024, 8 * 1024, 64, 32 * 1024,
            HttpEdge.MAX_BODY_BYTES, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(60));

    public HttpLimits {
        positive(maxConnections, "maxConnections");
        positive(maxRequestLineBytes, "maxRequestLineBytes");
        positive(maxHeaderLineBytes, "maxHeaderLineBytes");
        positive(maxHeaderCount, "maxHeaderCount");
        positive(maxHeadBytes, "maxHeadBytes");
        positive(maxBodyBytes, "maxBodyBytes");
        positive(headTimeout, "headTimeout");
        positive(bodyTimeout, "bodyTimeout");
        positive(idleTimeout, "idleTimeout");
    }

    public HttpLimits withMaxConnections(int connections) {
        return new HttpLimits(connections, maxRequestLineBytes, maxHeaderLineBytes, maxHeaderCount, maxHeadBytes,
                maxBodyBytes, headTimeout, bodyTimeout, idleTimeout);
    }

    public HttpLimits withTimeouts(Duration head, Duration body, Duration idle) {
        return new HttpLimits(maxConnections, maxRequestLineBytes, maxHeaderLineBytes, maxHeaderCount, maxHeadBytes,
                maxBodyBytes, head, body, idle);
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
