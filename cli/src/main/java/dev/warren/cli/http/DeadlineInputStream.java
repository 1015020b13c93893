package dev.warren.cli.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The socket's input with one deadline for a whole phase (waiting for a request, its head, its
 * body) rather than the socket's per-read timeout: before every read from the socket the timeout
 * is set to what is left, so a client sending one byte a second is cut off when the phase's time
 * is up, however many reads it takes.
 */
final class DeadlineInputStream extends FilterInputStream {

    private final Socket socket;
    private long deadline;

    DeadlineInputStream(Socket socket) throws IOException {
        super(socket.getInputStream());
        this.socket = socket;
        this.deadline = System.nanoTime();
    }

    /** Starts a phase that must be done within {@code limit} from now. */
    void expireIn(Duration limit) {
        deadline = System.nanoTime() + limit.toNanos();
    }

    @Override
    public int read() throws IOException {
        arm();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        arm();
        return super.read(b, off, len);
    }

    private void arm() throws IOException {
        long remainingNanos = deadline - System.nanoTime();
        if (remainingNanos <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        long millis = Math.max(1, (remainingNanos + 999_999) / 1_000_000);
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, millis));
    }
}
