package dev.warren.bench;

import dev.warren.password.HashingAlgorithm;
import dev.warren.password.PasswordHash;
import dev.warren.password.PasswordHasher;
import dev.warren.policy.PermissionRegex;
import dev.warren.policy.RegexOutcome;
import java.util.HexFormat;
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

/** Password verification per format, and the cost of the regex budget on the ReDoS probe. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PasswordBenchmark {

    private PasswordHash sha256;
    private PasswordHash sha512;
    private PasswordHash pbkdf2;
    private final PermissionRegex regex = new PermissionRegex();
    private final String redosSubject = "a".repeat(40) + "b";

    @Setup
    public void setUp() {
        byte[] salt = HexFormat.of().parseHex("908dc60a");
        sha256 = PasswordHasher.rabbitHash(HashingAlgorithm.SHA256, salt, "test12");
        sha512 = PasswordHasher.rabbitHash(HashingAlgorithm.SHA512, salt, "test12");
        pbkdf2 = new PasswordHasher().hash("test12");
    }

    @Benchmark
    public boolean verifySha256() {
        return PasswordHasher.verify("test12", sha256);
    }

    @Benchmark
    public boolean verifySha512() {
        return PasswordHasher.verify("test12", sha512);
    }

    @Benchmark
    public boolean verifyPbkdf2Default() {
        return PasswordHasher.verify("test12", pbkdf2);
    }

    @Benchmark
    public RegexOutcome redosProbeCutOff() {
        return regex.match("^(.*a){12}$", redosSubject);
    }
}
