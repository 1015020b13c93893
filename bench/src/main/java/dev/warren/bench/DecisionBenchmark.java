package dev.warren.bench;

import dev.warren.definitions.DefinitionsReader;
import dev.warren.password.PasswordHasher;
import dev.warren.protocol.EdgeRequest;
import dev.warren.protocol.EdgeResponse;
import dev.warren.protocol.DecisionLog;
import dev.warren.protocol.HttpEdge;
import dev.warren.service.AuthServices;
import dev.warren.store.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one decision through the HTTP edge (decode, parse, look up, decide, format) with
 * the policy in memory: the CPU a Lambda spends per request once its caches are warm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionBenchmark {

    private static final String FORM = "application/x-www-form-urlencoded";
    private HttpEdge edge;
    private EdgeRequest login;
    private EdgeRequest vhost;
    private EdgeRequest resourceAllow;
    private EdgeRequest resourceDeny;
    private EdgeRequest topic;
    private EdgeRequest redos;

    @Setup
    public void setUp() throws Exception {
        String file = System.getProperty("warren.definitions", "examples/definitions.json");
        InMemoryStore store = new InMemoryStore(DefinitionsReader.read(Path.of(file)));
        edge = new HttpEdge(AuthServices.over(store, store, new PasswordHasher(1_000)), DecisionLog.NONE);
        login = post("/auth/user", "username=app&password=app-secret");
        vhost = post("/auth/vhost", "username=app&vhost=%2F&ip=127.0.0.1&tags=");
        resourceAllow = post("/auth/resource",
                "username=app&vhost=%2F&resource=queue&name=app.orders&permission=configure&tags=");
        resourceDeny = post("/auth/resource",
                "username=app&vhost=%2F&resource=queue&name=billing&permission=configure&tags=");
        topic = post("/auth/topic", "username=sensor-1&vhost=iot&resource=topic&name=amq.topic&permission=write"
                + "&routing_key=sensors.sensor-1.temperature&variable_map.username=sensor-1&variable_map.vhost=iot");
        redos = post("/auth/resource", "username=app&vhost=%2F&resource=queue&name=" + "a".repeat(40)
                + "b&permission=configure");
    }

    private static EdgeRequest post(String path, String body) {
        return new EdgeRequest("POST", path, null, FORM, body.getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public EdgeResponse userSha256() {
        return edge.handle(login);
    }

    @Benchmark
    public EdgeResponse vhost() {
        return edge.handle(vhost);
    }

    @Benchmark
    public EdgeResponse resourceAllow() {
        return edge.handle(resourceAllow);
    }

    @Benchmark
    public EdgeResponse resourceDeny() {
        return edge.handle(resourceDeny);
    }

    @Benchmark
    public EdgeResponse topicWithExpansion() {
        return edge.handle(topic);
    }

    @Benchmark
    public EdgeResponse resourceNameThatIsNotReDoS() {
        return edge.handle(redos);
    }
}
