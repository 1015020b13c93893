package dev.warren.store.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts later (a broker node, its distribution port, epmd, moto).
 *
 * <p>A port from {@code new ServerSocket(0)} lies in the kernel's ephemeral range, where any
 * outgoing connection (an HTTP client, a {@code rabbitmqctl} node) may take it as its local port
 * before the server binds it: a node then fails with {@code dist_port_already_used}. Ports handed
 * out here lie outside that range, are free on the wildcard address and on loopback when handed
 * out, and are never handed out twice by one JVM.
 */
public final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** The lowest port handed out: above the registered services most machines run. */
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 500;
    private static final Set<Integer> TAKEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A free port outside the ephemeral range, not handed out before by this JVM. */
    public static int take() {
        List<int[]> ranges = outsideEphemeral();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < ATTEMPTS && !ranges.isEmpty(); i++) {
            int[] range = ranges.get(random.nextInt(ranges.size()));
            int port = random.nextInt(range[0], range[1] + 1);
            if (bindable(port) && TAKEN.add(port)) {
                return port;
            }
        }
        return ephemeral();
    }

    /** The port ranges below and above the kernel's ephemeral range, each as {low, high}. */
    private static List<int[]> outsideEphemeral() {
        int low = 32_768;
        int high = 60_999;
        try {
            String[] bounds = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+");
            low = Integer.parseInt(bounds[0]);
            high = Integer.parseInt(bounds[1]);
        } catch (IOException | RuntimeException unknown) {
            // not Linux: assume the kernel's default range
        }
        List<int[]> ranges = new ArrayList<>();
        if (low - 1 >= LOWEST + 100) {
            ranges.add(new int[] {LOWEST, low - 1});
        }
        if (65_535 - high >= 100) {
            ranges.add(new int[] {high + 1, 65_535});
        }
        return ranges;
    }

    private static boolean bindable(int port) {
        for (InetAddress address : new InetAddress[] {null, InetAddress.getLoopbackAddress()}) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
            } catch (IOException inUse) {
                return false;
            }
        }
        return true;
    }

    /** Last resort when no range lies outside the ephemeral one: any free port. */
    private static int ephemeral() {
        try (ServerSocket socket = new ServerSocket(0)) {
            TAKEN.add(socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
