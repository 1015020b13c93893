package dev.warren.store.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.config.WarrenConfig;
import dev.warren.password.PasswordHasher;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.Cause;
import dev.warren.policy.Decision;
import dev.warren.service.AuthService;
import dev.warren.service.AuthServices;
import dev.warren.service.CredentialCache;
import dev.warren.service.LocalLoginThrottle;
import dev.warren.service.LoginDefences;
import dev.warren.service.PasswordVerifier;
import dev.warren.service.RefusalCache;
import dev.warren.store.InMemoryStore;
import dev.warren.testing.Fixtures;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Decisions with the shared throttle when DynamoDB cannot be reached (every HTTP attempt fails at
 * once, in process): no login is allowed or refused because of it, the per-instance counter still
 * throttles, and the table is left alone for a while after a failure. Time is a test clock.
 */
class DynamoDbLoginThrottleTest {

    final AtomicInteger attempts = new AtomicInteger();
    final AtomicLong millis = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    final WarrenConfig config = WarrenConfig.fromEnvironment(Map.of("WARREN_THROTTLE_FAILURES", "3",
            "WARREN_THROTTLE_SCOPE", "shared", "WARREN_AWS_MAX_ATTEMPTS", "1"));

    final SdkHttpClient unreachable = new SdkHttpClient() {
        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            attempts.incrementAndGet();
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    throw new IOException("connection refused (test)");
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    };

    final DynamoDbClient dynamo = AwsClients.dynamoDbBuilder(config).httpClient(unreachable).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    final DynamoDbLoginThrottle throttle = new DynamoDbLoginThrottle(dynamo, config,
            new LocalLoginThrottle(3, Duration.ofSeconds(300), 100, () -> millis.get() * 1_000_000),
            () -> Instant.ofEpochMilli(millis.get()));
    final InMemoryStore store = new InMemoryStore(Fixtures.definitions());
    final AuthService service = AuthServices.over(store, store, new PasswordHasher(1_000),
            new LoginDefences(PasswordVerifier.INLINE, CredentialCache.disabled(), RefusalCache.disabled(), throttle));

    Decision login(String user, String password) {
        return service.decide(new UserRequest(user, Optional.of(password)));
    }

    @Test
    void anUnreachableTableNeitherAllowsNorRefusesAndThePerInstanceCounterStillThrottles() {
        assertThat(login("admin", "test12").allowed()).as("a failed read refuses nobody").isTrue();
        assertThat(attempts).as("one read was tried").hasValue(1);
        for (String wrong : new String[] {"a", "b", "c"}) {
            assertThat(login("admin", wrong).cause()).as("a failed count never turns a deny into an allow")
                    .isEqualTo(Cause.WRONG_PASSWORD);
        }
        assertThat(attempts).as("no call for " + DynamoDbLoginThrottle.PAUSE_AFTER_FAILURE + " after a failure")
                .hasValue(1);
        assertThat(login("admin", "test12").cause()).as("the per-instance counter decides")
                .isEqualTo(Cause.LOGIN_THROTTLED);
        assertThat(login("app", "app-secret").allowed()).isTrue();

        millis.addAndGet(DynamoDbLoginThrottle.PAUSE_AFTER_FAILURE.toMillis());
        assertThat(login("app", "wrong").cause()).isEqualTo(Cause.WRONG_PASSWORD);
        assertThat(attempts).as("tried once more after the pause (the read), then left alone again (no count)").hasValue(2);
    }
}
