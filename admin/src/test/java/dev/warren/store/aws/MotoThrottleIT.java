package dev.warren.store.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.warren.admin.DefinitionsImporter;
import dev.warren.admin.TableCreator;
import dev.warren.config.WarrenConfig;
import dev.warren.definitions.DefinitionsReader;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.Cause;
import dev.warren.service.AuthService;
import dev.warren.service.LocalLoginThrottle;
import dev.warren.service.LoginThrottle;
import dev.warren.store.InMemorySecretStore;
import dev.warren.wiring.AwsAuthService;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The shared login throttle against moto_server: two throttles over one table stand for two Lambda
 * instances, each with its own client and its own per-instance counter. Time is a test clock.
 */
class MotoThrottleIT {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static final int LIMIT = 3;
    static final Duration WINDOW = Duration.ofSeconds(60);

    final AtomicLong millis = new AtomicLong(Instant.now().toEpochMilli());
    final InstantSource clock = () -> Instant.ofEpochMilli(millis.get());
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<DynamoDbClient> clients = new ArrayList<>();
    String table;
    WarrenConfig config;

    @BeforeEach
    void createTable() {
        table = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        config = WarrenConfig.fromEnvironment(Map.of("WARREN_TABLE", table,
                "WARREN_THROTTLE_FAILURES", Integer.toString(LIMIT), "WARREN_THROTTLE_SCOPE", "shared",
                "WARREN_THROTTLE_WINDOW_SECONDS", Long.toString(WINDOW.toSeconds()),
                "WARREN_AWS_TIMEOUT_MILLIS", "1000", "WARREN_AWS_ATTEMPT_TIMEOUT_MILLIS", "500",
                "WARREN_AWS_MAX_ATTEMPTS", "1"));
        TableCreator.createTableIfMissing(client(), table);
    }

    @AfterEach
    void close() throws Exception {
        MOTO.resume();
        clients.forEach(DynamoDbClient::close);
    }

    /** A client of its own (as each Lambda instance has), counting the calls it makes. */
    DynamoDbClient client() {
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                calls.add(context.request().getClass().getSimpleName());
            }
        };
        DynamoDbClient client = DynamoDbClient.builder().httpClient(AwsClients.httpClient(config))
                .overrideConfiguration(AwsClients.override(config).toBuilder().addExecutionInterceptor(counter).build())
                .endpointOverride(MOTO.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
        clients.add(client);
        return client;
    }

    /** One instance: its own client and its own per-instance counter, on the test clock. */
    DynamoDbLoginThrottle instance() {
        LoginThrottle local = new LocalLoginThrottle(LIMIT, WINDOW, 100, () -> millis.get() * 1_000_000);
        return new DynamoDbLoginThrottle(client(), config, local, clock);
    }

    static void fail(LoginThrottle throttle, String name, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(name);
        }
    }

    List<Map<String, AttributeValue>> items() {
        return clients.getFirst().scan(ScanRequest.builder().tableName(table).consistentRead(true).build()).items();
    }

    @Test
    void failuresCountedByOneInstanceThrottleTheNameInTheOther() {
        DynamoDbLoginThrottle a = instance();
        DynamoDbLoginThrottle b = instance();
        a.recordFailure("alice");
        a.recordFailure("alice");
        assertThat(b.isThrottled("alice")).as("K-1 failures do not throttle").isFalse();
        assertThat(a.isThrottled("alice")).isFalse();
        b.recordFailure("alice");
        assertThat(a.isThrottled("alice")).as("the third failure was counted by the other instance").isTrue();
        assertThat(b.isThrottled("alice")).isTrue();
        assertThat(a.isThrottled("bob")).as("another name is unaffected").isFalse();
        assertThat(b.isThrottled("alice ")).isFalse();

        millis.addAndGet(WINDOW.toMillis() - 1);
        assertThat(a.isThrottled("alice")).as("until the window ends").isTrue();
        millis.addAndGet(1);
        assertThat(a.isThrottled("alice")).as("free again once the window has passed").isFalse();
        assertThat(b.isThrottled("alice")).isFalse();
        DynamoDbLoginThrottle fresh = instance();
        assertThat(fresh.isThrottled("alice")).isFalse();
    }

    @Test
    void anEndedWindowIsNeverExtendedAndANewOneStartsAtOne() {
        DynamoDbLoginThrottle a = instance();
        long start = millis.get();
        a.recordFailure("alice");
        a.recordFailure("alice");
        millis.addAndGet(WINDOW.toMillis());
        a.recordFailure("alice");
        Map<String, AttributeValue> item = items().getFirst();
        assertThat(item.get(ThrottleItems.FAILURES).n()).as("counted into a new window").isEqualTo("1");
        assertThat(Long.parseLong(item.get(ThrottleItems.WINDOW_END).n())).isEqualTo(start + 2 * WINDOW.toMillis());
        a.recordFailure("alice");
        a.recordFailure("alice");
        assertThat(instance().isThrottled("alice")).isTrue();
    }

    @Test
    void theItemIsKeyedByADigestAndExpiresAtTheWindowsEndPlusTheMargin() {
        String longName = "ü".repeat(1000);
        instance().recordFailure("alice");
        instance().recordFailure(longName);
        List<Map<String, AttributeValue>> items = items();
        assertThat(items).hasSize(2);
        assertThat(clients.getFirst().describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription()
                .attributeName()).as("a table the admin commands create expires the counters")
                .isEqualTo(ThrottleItems.EXPIRES_AT);
        long nowSeconds = millis.get() / 1000;
        for (Map<String, AttributeValue> item : items) {
            String pk = item.get(UserItems.PK).s();
            assertThat(pk).startsWith(ThrottleItems.PARTITION_PREFIX).doesNotContain("alice").doesNotContain("ü")
                    .hasSize(ThrottleItems.PARTITION_PREFIX.length() + 43);
            assertThat(pk).isIn(ThrottleItems.PARTITION_PREFIX + ThrottleItems.nameDigest("alice"),
                    ThrottleItems.PARTITION_PREFIX + ThrottleItems.nameDigest(longName));
            assertThat(item.get(UserItems.SK).s()).isEqualTo(ThrottleItems.SORT_KEY);
            assertThat(item.values().toString()).doesNotContain("alice").doesNotContain("ü");
            long expiresAt = Long.parseLong(item.get(ThrottleItems.EXPIRES_AT).n());
            assertThat(expiresAt).as("epoch seconds, the window's end plus the margin")
                    .isEqualTo((millis.get() + WINDOW.toMillis()) / 1000 + DynamoDbLoginThrottle.TTL_MARGIN.toSeconds())
                    .isBetween(nowSeconds + WINDOW.toSeconds(),
                            nowSeconds + WINDOW.toSeconds() + DynamoDbLoginThrottle.TTL_MARGIN.toSeconds() + 1);
        }
    }

    @Test
    void aNameKnownToBeThrottledCostsNoCallUntilItsWindowEnds() {
        DynamoDbLoginThrottle a = instance();
        DynamoDbLoginThrottle b = instance();
        fail(a, "alice", LIMIT - 1);
        fail(b, "alice", 1);
        assertThat(a.isThrottled("alice")).isTrue();
        int before = calls.size();
        for (int i = 0; i < 100; i++) {
            assertThat(a.isThrottled("alice")).isTrue();
            assertThat(b.isThrottled("alice")).isTrue();
        }
        assertThat(calls).hasSize(before);
        millis.addAndGet(WINDOW.toMillis());
        assertThat(b.isThrottled("alice")).isFalse();
        assertThat(calls.subList(before, calls.size())).containsExactly("GetItemRequest");
    }

    @Test
    void anUnreachableTableFallsBackToThePerInstanceCounterWithoutThrowing() throws Exception {
        DynamoDbLoginThrottle a = instance();
        DynamoDbLoginThrottle b = instance();
        a.recordFailure("alice");
        MOTO.pause();
        int before = calls.size();
        assertThat(a.isThrottled("alice")).as("a failed read refuses nobody by itself").isFalse();
        assertThatCode(() -> {
            a.recordFailure("alice");
            a.recordFailure("alice");
        }).doesNotThrowAnyException();
        assertThat(a.isThrottled("alice")).as("the per-instance counter still counts").isTrue();
        assertThat(calls.size() - before).as("after the failed read the table is left alone for a while").isEqualTo(1);
        millis.addAndGet(DynamoDbLoginThrottle.PAUSE_AFTER_FAILURE.toMillis());
        assertThat(b.isThrottled("alice")).as("the other instance saw only one failure counted").isFalse();
        assertThatCode(() -> b.recordFailure("bob")).doesNotThrowAnyException();
        MOTO.resume();
        millis.addAndGet(DynamoDbLoginThrottle.PAUSE_AFTER_FAILURE.toMillis());
        b.recordFailure("alice");
        b.recordFailure("alice");
        assertThat(instance().isThrottled("alice")).as("counting in the table again once it answers").isTrue();
    }

    @Test
    void theServiceOfOneInstanceRefusesANameAnotherInstanceSawFailTooOften() throws Exception {
        InMemorySecretStore secrets = new InMemorySecretStore();
        new DefinitionsImporter(clients.getFirst(), table, secrets, config.secretPrefix())
                .importDefinitions(DefinitionsReader.parse("""
                        {"users": [{"name": "alice", "password_hash": "%s",
                          "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": []}],
                         "vhosts": [{"name": "/"}], "permissions": []}""".formatted(AwsStoresScenarios.TEST12_SHA256)));
        Map<String, String> env = new HashMap<>(Map.of("WARREN_TABLE", table, "WARREN_THROTTLE_FAILURES", "3",
                "WARREN_THROTTLE_SCOPE", "shared", "WARREN_REFUSAL_TTL_SECONDS", "0"));
        WarrenConfig shared = WarrenConfig.fromEnvironment(env);
        AuthService one = AwsAuthService.over(client(), secrets, shared);
        AuthService other = AwsAuthService.over(client(), secrets, shared);
        assertThat(login(other, "alice", "test12").allowed()).isTrue();
        for (String wrong : List.of("a", "b", "c")) {
            assertThat(login(one, "alice", wrong).cause()).isEqualTo(Cause.WRONG_PASSWORD);
        }
        assertThat(login(other, "alice", "test12").cause()).as("even the right password, on another instance")
                .isEqualTo(Cause.LOGIN_THROTTLED);
    }

    static dev.warren.policy.Decision login(AuthService service, String user, String password) {
        return service.decide(new UserRequest(user, Optional.of(password)));
    }
}
