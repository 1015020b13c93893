package dev.warren.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code scripts/template-versions}: template.yaml through the SAM translator (python3
 * {@code samtranslator}, installed with cfn-lint in CI) under pairs of parameter values, proving that
 * every setting that feeds a function publishes a new version behind {@code live}. Skipped, not
 * passed, where python3 cannot import the translator.
 */
class TemplateVersionsTest {

    @Test
    void everySettingThatFeedsAFunctionPublishesANewVersion() throws Exception {
        assumeTrue(run("python3", "-c", "import samtranslator, cfnlint").exit == 0,
                "python3 with samtranslator and cfn-lint (pip install cfn-lint)");
        Result r = run("python3", EventCases.root().resolve("scripts/template-versions").toString(),
                EventCases.root().resolve("template.yaml").toString());
        System.out.println(r.output);
        assertThat(r.output).contains("0 failure(s)").doesNotContain("FAIL ");
        assertThat(r.exit).isZero();
    }

    record Result(int exit, String output) {
    }

    static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).directory(EventCases.root().toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
