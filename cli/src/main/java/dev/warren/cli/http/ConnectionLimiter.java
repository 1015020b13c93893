package dev.warren.cli.http;

import java.io.IOException;
import java.net.Socket;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Caps the connections served at once. The accept loop takes a slot for each connection it
 * accepts and accepts no other until it has one, so beyond the cap new connections wait in the
 * kernel's backlog instead of costing threads, buffers and file descriptors. When a connection
 * waits for a slot, connections idling between keep-alive requests are closed first: only
 * clients that are actually sending (each bounded by the head and body deadlines) can hold a
 * slot for long.
 */
final class ConnectionLimiter {

    private static final long EVICT_INTERVAL_MILLIS = 100;

    private final Semaphore slots;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Socket> idle = ConcurrentHashMap.newKeySet();

    ConnectionLimiter(int maxConnections) {
        this.slots = new Semaphore(maxConnections);
    }

    /** Waits for a free slot, closing idle keep-alive connections while none is free. */
    void acquire() throws InterruptedException {
        if (slots.tryAcquire()) {
            return;
        }
        do {
            closeOneIdle();
        } while (!slots.tryAcquire(EVICT_INTERVAL_MILLIS, TimeUnit.MILLISECONDS));
    }

    void opened(Socket socket) {
        open.add(socket);
    }

    /** The connection's slot is free again; call exactly once per {@link #opened}. */
    void closed(Socket socket) {
        idle.remove(socket);
        if (open.remove(socket)) {
            slots.release();
        }
    }

    void idle(Socket socket) {
        idle.add(socket);
    }

    void busy(Socket socket) {
        idle.remove(socket);
    }

    int openConnections() {
        return open.size();
    }

    void closeAll() {
        open.forEach(ConnectionLimiter::closeQuietly);
    }

    private void closeOneIdle() {
        Iterator<Socket> it = idle.iterator();
        if (it.hasNext()) {
            Socket victim = it.next();
            idle.remove(victim);
            closeQuietly(victim);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closing
        }
    }
}
