package dev.warren.cli.http;

import java.io.IOException;
import java.net.Socket;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Caps the connections served at once. The accept loop takes a slot for each connection it
 * accepts and accepts no other until it has one, so beyond the cap new connections wait in the
 * kernel's backlog instead of costing threads, buffers and file descriptors.
 *
 * <p>While a new connection waits, room is made: first by closing a connection idling between
 * keep-alive requests, else by closing the connection that has been sending its request the
 * longest, once that is over {@link #SLOW_SENDER_GRACE_NANOS} (the broker sends a request in one
 * go, in well under a millisecond). So a flood of slow clients beyond the cap delays a new client
 * by about a second, not by the whole head deadline, and a slow client never holds a slot that
 * someone else needs.
 */
final class ConnectionLimiter {

    static final long SLOW_SENDER_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long RETRY_MILLIS = 100;

    private final Semaphore slots;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Socket> idle = ConcurrentHashMap.newKeySet();
    private final Map<Socket, Long> sendingSince = new ConcurrentHashMap<>();

    ConnectionLimiter(int maxConnections) {
        this.slots = new Semaphore(maxConnections);
    }

    /** Waits for a free slot, making room (see the class comment) while none is free. */
    void acquire() throws InterruptedException {
        if (slots.tryAcquire()) {
            return;
        }
        do {
            makeRoom();
        } while (!slots.tryAcquire(RETRY_MILLIS, TimeUnit.MILLISECONDS));
    }

    void opened(Socket socket) {
        open.add(socket);
    }

    /** The connection's slot is free again; call exactly once per {@link #opened}. */
    void closed(Socket socket) {
        idle.remove(socket);
        sendingSince.remove(socket);
        if (open.remove(socket)) {
            slots.release();
        }
    }

    /** Waiting for its next request. */
    void idle(Socket socket) {
        sendingSince.remove(socket);
        idle.add(socket);
    }

    /** Sending a request (head or body): from now on a candidate for eviction once past the grace. */
    void sending(Socket socket) {
        idle.remove(socket);
        sendingSince.put(socket, System.nanoTime());
    }

    /** Its request is in; being decided and answered. */
    void deciding(Socket socket) {
        sendingSince.remove(socket);
    }

    int openConnections() {
        return open.size();
    }

    void closeAll() {
        open.forEach(ConnectionLimiter::closeQuietly);
    }

    /**
     * Closes one idle keep-alive connection, or else the longest sender past the grace, if any:
     * used while a connection waits for a slot, and when accepting fails (out of file descriptors).
     */
    void makeRoom() {
        Iterator<Socket> idlers = idle.iterator();
        if (idlers.hasNext()) {
            Socket victim = idlers.next();
            idle.remove(victim);
            closeQuietly(victim);
            return;
        }
        long now = System.nanoTime();
        Map.Entry<Socket, Long> slowest = null;
        for (Map.Entry<Socket, Long> e : sendingSince.entrySet()) {
            if (slowest == null || e.getValue() < slowest.getValue()) {
                slowest = e;
            }
        }
        if (slowest != null && now - slowest.getValue() > SLOW_SENDER_GRACE_NANOS
                && sendingSince.remove(slowest.getKey(), slowest.getValue())) {
            closeQuietly(slowest.getKey());
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
