package dev.warren.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short command to completion, capturing its output. */
final class Proc {
    private Proc() {}

    record Result(List<String> command, int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        Result orThrow() {
            if (!ok()) {
                String cmd = String.join(" ", command);
                String out = output.strip();
                throw new IllegalStateException("command failed (exit " + exitCode + "): "
                        + (cmd.length() > 200 ? cmd.substring(0, 200) + "..." : cmd) + "\n"
                        + (out.length() > 2000 ? "..." + out.substring(out.length() - 2000) : out));
            }
            return this;
        }
    }

    static Result run(List<String> command, Map<String, String> env, Duration timeout) {
        List<String> cmd = new ArrayList<>(command);
        try {
            Path out = Files.createTempFile("warren-e2e-proc", ".log");
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                    return new Result(cmd, -1, "timed out after " + timeout + "\n" + Files.readString(out, StandardCharsets.UTF_8));
                }
                return new Result(cmd, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return new Result(cmd, -1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(cmd, -1, e.toString());
        }
    }
}
