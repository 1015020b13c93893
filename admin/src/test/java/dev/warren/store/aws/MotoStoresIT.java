package dev.warren.store.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.admin.TableCreator;
import dev.warren.config.WarrenConfig;
import dev.warren.service.AuthService;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store scenarios against moto_server, plus a server that dies and comes back empty. */
class MotoStoresIT extends AwsStoresScenarios {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @Override
    URI endpoint() {
        return MOTO.endpoint();
    }

    @Override
    void pause() throws Exception {
        MOTO.pause();
    }

    @Override
    void resume() throws Exception {
        MOTO.resume();
    }

    @Test
    void aStoreThatDiesDeniesAtOnceAndAnswersAgainOnceRestartedAndReimported() throws Exception {
        WarrenConfig config = config(Map.of("WARREN_STALE_SECONDS", "0"));
        AuthService service = service(config);
        assertThat(login(service, "alice", "test12").allowed()).isTrue();
        MOTO.kill();
        try {
            long start = System.nanoTime();
            assertThat(login(service, "alice", "test12").allowed()).isFalse();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(config.awsTimeout().toMillis() + 1000);
        } finally {
            MOTO.start();
        }
        TableCreator.createTableIfMissing(dynamo, table);
        importDefinitions();
        assertThat(login(service, "alice", "test12").allowed()).isTrue();
    }
}
