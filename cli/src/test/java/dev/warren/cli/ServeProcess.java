package dev.warren.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code warren serve} from the shaded jar in its own JVM, its output collected, stopped with SIGTERM. */
public final class ServeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("^listening on (http://\\S+)$");

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private ServeProcess(Process process) {
        this.process = process;
        this.reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out.lines().forEach(output::add);
            } catch (IOException | UncheckedIOException e) {
                // the process is gone
            }
        });
    }

    /** Starts {@code java [jvmOptions] -jar target/warren-cli.jar serve [arguments]}. */
    public static ServeProcess start(List<String> jvmOptions, String... arguments) throws IOException {
        Path jar = Path.of("target", "warren-cli.jar");
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException(jar + " is missing: run the ITs after `package`");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve"));
        command.addAll(List.of(arguments));
        return new ServeProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** The URL from the "listening on" line, or null when none came within 30 s. */
    public String awaitUrl() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && (process.isAlive() || !output.isEmpty())) {
            synchronized (output) {
                for (String line : output) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.matches()) {
                        return m.group(1);
                    }
                }
            }
            if (!process.isAlive()) {
                return null;
            }
            Thread.sleep(50);
        }
        return null;
    }

    public Process process() {
        return process;
    }

    /** Sends SIGTERM; true when the process stopped within 10 s. */
    public boolean stop() throws InterruptedException {
        process.destroy();
        boolean stopped = process.waitFor(10, TimeUnit.SECONDS);
        reader.join(5_000);
        return stopped;
    }

    /** Everything the process printed so far. */
    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
