package dev.warren.store.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsLieOutsideTheEphemeralRangeAreDistinctAndBindable() throws IOException {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        String[] bounds = Files.isReadable(range) ? Files.readAllLines(range).get(0).trim().split("\\s+") : new String[] {"32768", "60999"};
        int low = Integer.parseInt(bounds[0]);
        int high = Integer.parseInt(bounds[1]);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = FreePorts.take();
            assertThat(port).as("outside the ephemeral range %d-%d", low, high).matches(p -> p < low || p > high);
            assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int port = FreePorts.take();
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
