package dev.warren.store.aws;

import java.net.URI;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/** The store scenarios against LocalStack; skipped cleanly where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackStoresIT extends AwsStoresScenarios {

    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.14.0"));

    @Override
    URI endpoint() {
        return LOCALSTACK.getEndpoint();
    }

    @Override
    void pause() {
        LOCALSTACK.getDockerClient().pauseContainerCmd(LOCALSTACK.getContainerId()).exec();
    }

    @Override
    void resume() {
        var state = LOCALSTACK.getDockerClient().inspectContainerCmd(LOCALSTACK.getContainerId()).exec().getState();
        if (Boolean.TRUE.equals(state.getPaused())) {
            LOCALSTACK.getDockerClient().unpauseContainerCmd(LOCALSTACK.getContainerId()).exec();
        }
    }
}
