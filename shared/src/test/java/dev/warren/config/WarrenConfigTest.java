package dev.warren.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarrenConfigTest {

    @Test
    void defaultsWhenNothingIsSet() {
        WarrenConfig config = WarrenConfig.fromEnvironment(Map.of());
        assertThat(config.table()).isEqualTo("warren");
        assertThat(config.secretPrefix()).isEqualTo("warren/users/");
        assertThat(config.policyTtl()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.negativeTtl()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.staleWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.awsTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.awsAttemptTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.awsMaxAttempts()).isEqualTo(2);
    }

    @Test
    void readsEverySetting() {
        WarrenConfig config = WarrenConfig.fromEnvironment(Map.of(
                "WARREN_TABLE", "auth-prod", "WARREN_SECRET_PREFIX", "rabbit/", "WARREN_POLICY_TTL_SECONDS", "30",
                "WARREN_STALE_SECONDS", "0", "WARREN_AWS_TIMEOUT_MILLIS", "500", "WARREN_AWS_ATTEMPT_TIMEOUT_MILLIS", "250",
                "WARREN_AWS_MAX_ATTEMPTS", "3", "WARREN_CACHE_MAX_ENTRIES", "100"));
        assertThat(config.table()).isEqualTo("auth-prod");
        assertThat(config.secretPrefix()).isEqualTo("rabbit/");
        assertThat(config.policyTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.staleWindow()).isZero();
        assertThat(config.awsTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.awsAttemptTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.awsMaxAttempts()).isEqualTo(3);
        assertThat(config.cacheMaxEntries()).isEqualTo(100);
    }

    @Test
    void attemptTimeoutDefaultsToTheTotalWhenTheTotalIsShort() {
        assertThat(WarrenConfig.fromEnvironment(Map.of("WARREN_AWS_TIMEOUT_MILLIS", "300")).awsAttemptTimeout())
                .isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void badValuesFailWithEveryVariableNamed() {
        assertThatThrownBy(() -> WarrenConfig.fromEnvironment(Map.of(
                "WARREN_POLICY_TTL_SECONDS", "abc", "WARREN_AWS_TIMEOUT_MILLIS", "-5", "WARREN_TABLE", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("WARREN_POLICY_TTL_SECONDS must be a whole number of seconds from 0 to 3600, got 'abc'")
                .hasMessageContaining("WARREN_AWS_TIMEOUT_MILLIS")
                .hasMessageContaining("WARREN_TABLE must be a DynamoDB table name");
    }

    @Test
    void attemptLongerThanCallIsRejected() {
        assertThatThrownBy(() -> WarrenConfig.fromEnvironment(Map.of(
                "WARREN_AWS_TIMEOUT_MILLIS", "1000", "WARREN_AWS_ATTEMPT_TIMEOUT_MILLIS", "2000")))
                .hasMessageContaining("must not exceed");
    }

    @Test
    void secretPrefixMustUseSecretNameCharacters() {
        assertThatThrownBy(() -> WarrenConfig.fromEnvironment(Map.of("WARREN_SECRET_PREFIX", "bad prefix/")))
                .hasMessageContaining("WARREN_SECRET_PREFIX");
        assertThatThrownBy(() -> WarrenConfig.defaults().withTable("no spaces"))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void denyReasonsAreOffUnlessSetToTrue() {
        assertThat(WarrenConfig.defaults().denyReasons()).isFalse();
        assertThat(WarrenConfig.fromEnvironment(Map.of("WARREN_DENY_REASONS", "false")).denyReasons()).isFalse();
        assertThat(WarrenConfig.fromEnvironment(Map.of("WARREN_DENY_REASONS", "true")).denyReasons()).isTrue();
        assertThat(WarrenConfig.fromEnvironment(Map.of("WARREN_DENY_REASONS", "true")).withTable("other").denyReasons())
                .isTrue();
        assertThatThrownBy(() -> WarrenConfig.fromEnvironment(Map.of("WARREN_DENY_REASONS", "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("WARREN_DENY_REASONS must be 'true' or 'false', got 'yes'");
    }

    @Test
    void loginDefencesDefaultToAPoolSizedToTheMachineAndTheThrottleOff() {
        LoginSettings login = WarrenConfig.defaults().login();
        int cpus = Runtime.getRuntime().availableProcessors();
        assertThat(login.verifyThreads()).isEqualTo(cpus);
        assertThat(login.verifyQueue()).isEqualTo(LoginSettings.QUEUE_PER_THREAD * cpus);
        assertThat(login.refusalTtl()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(login.throttled()).isFalse();
    }

    @Test
    void loginDefencesAreReadAndValidated() {
        LoginSettings login = WarrenConfig.fromEnvironment(Map.of("WARREN_VERIFY_THREADS", "3",
                "WARREN_THROTTLE_FAILURES", "5", "WARREN_THROTTLE_WINDOW_SECONDS", "60",
                "WARREN_REFUSAL_TTL_SECONDS", "0")).login();
        assertThat(login.verifyThreads()).isEqualTo(3);
        assertThat(login.verifyQueue()).isEqualTo(12);
        assertThat(login.throttled()).isTrue();
        assertThat(login.throttleWindow()).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(login.refusalTtl()).isZero();
        assertThatThrownBy(() -> WarrenConfig.fromEnvironment(Map.of("WARREN_VERIFY_THREADS", "0",
                "WARREN_THROTTLE_WINDOW_SECONDS", "x")))
                .hasMessageContaining("WARREN_VERIFY_THREADS").hasMessageContaining("WARREN_THROTTLE_WINDOW_SECONDS");
    }

    @Test
    void theThrottleScopeIsInstanceUnlessSharedIsAskedForWithALimit() {
        assertThat(WarrenConfig.defaults().login().throttleScope()).isEqualTo(ThrottleScope.INSTANCE);
        assertThat(WarrenConfig.fromEnvironment(Map.of("WARREN_THROTTLE_FAILURES", "5")).login().throttleScope())
                .isEqualTo(ThrottleScope.INSTANCE);
        LoginSettings shared = WarrenConfig.fromEnvironment(Map.of("WARREN_THROTTLE_FAILURES", "5",
                "WARREN_THROTTLE_SCOPE", "shared")).login();
        assertThat(shared.throttleScope()).isEqualTo(ThrottleScope.SHARED);
        assertThat(shared.throttled()).isTrue();
        assertThat(WarrenConfig.fromEnvironment(Map.of("WARREN_THROTTLE_FAILURES", "5",
                "WARREN_THROTTLE_SCOPE", "instance")).login().throttleScope()).isEqualTo(ThrottleScope.INSTANCE);
    }

    @Test
    void aSharedScopeWithoutALimitOrAnUnknownScopeFailsStartUp() {
        assertThatThrownBy(() -> WarrenConfig.fromEnvironment(Map.of("WARREN_THROTTLE_SCOPE", "shared")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("WARREN_THROTTLE_SCOPE=shared needs the throttle on: set WARREN_THROTTLE_FAILURES above 0");
        assertThatThrownBy(() -> WarrenConfig.fromEnvironment(Map.of("WARREN_THROTTLE_FAILURES", "0",
                "WARREN_THROTTLE_SCOPE", "shared"))).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> WarrenConfig.fromEnvironment(Map.of("WARREN_THROTTLE_FAILURES", "5",
                "WARREN_THROTTLE_SCOPE", "Shared")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("WARREN_THROTTLE_SCOPE must be 'instance' or 'shared', got 'Shared'");
        assertThatThrownBy(() -> new LoginSettings(1, 0, Duration.ZERO, 0, Duration.ofSeconds(1), ThrottleScope.SHARED))
                .isInstanceOf(ConfigException.class);
    }
}
