package dev.warren.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.password.HashingAlgorithm;
import dev.warren.password.PasswordHash;
import dev.warren.password.PasswordHasher;
import dev.warren.policy.UserPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretPasswordHashStoreTest {

    private static final String TEST12 = "kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR";

    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private final SecretPasswordHashStore store = new SecretPasswordHashStore(secrets, "warren/users/");

    private static UserPolicy user(String name, Optional<String> secretId) {
        return new UserPolicy(name, List.of(), false, false, Map.of(), Map.of(), secretId);
    }

    @Test
    void defaultNameIsPrefixPlusUsername() {
        assertThat(SecretPasswordHashStore.secretName("warren/users/", "app")).isEqualTo("warren/users/app");
        assertThat(SecretPasswordHashStore.secretName("p/", "a.b@c-d_e+f/g")).isEqualTo("p/a.b@c-d_e+f/g");
    }

    @Test
    void charactersSecretsManagerRefusesAreEncoded() {
        assertThat(SecretPasswordHashStore.secretName("p/", "josé")).isEqualTo("p/jos=C3=A9");
        assertThat(SecretPasswordHashStore.secretName("p/", "carol smith+&%")).isEqualTo("p/carol=20smith+=26=25");
        assertThat(SecretPasswordHashStore.secretName("p/", "a=b")).isEqualTo("p/a=3Db");
        assertThat(SecretPasswordHashStore.secretName("p/", "a=3Db")).isNotEqualTo(SecretPasswordHashStore.secretName("p/", "a=b"));
    }

    @Test
    void readsEveryFormat() {
        for (HashingAlgorithm algorithm : HashingAlgorithm.values()) {
            PasswordHash hash = algorithm == HashingAlgorithm.PBKDF2_SHA256
                    ? new PasswordHasher(1000).hash("pw")
                    : PasswordHasher.rabbitHash(algorithm, new byte[] {1, 2, 3, 4}, "pw");
            secrets.write("warren/users/u", SecretPasswordHashStore.secretString(hash));
            PasswordHash read = store.findHash(user("u", Optional.empty())).orElseThrow();
            assertThat(PasswordHasher.verify("pw", read)).as(algorithm.name()).isTrue();
        }
    }

    @Test
    void missingAlgorithmMeansSha256() {
        secrets.write("warren/users/u", "{\"hash\":\"" + TEST12 + "\"}");
        PasswordHash read = store.findHash(user("u", Optional.empty())).orElseThrow();
        assertThat(read.algorithm()).isEqualTo(HashingAlgorithm.SHA256);
        assertThat(PasswordHasher.verify("test12", read)).isTrue();
    }

    @Test
    void noSecretMeansNoPassword() {
        assertThat(store.findHash(user("u", Optional.empty()))).isEmpty();
    }

    @Test
    void secretIdOverrideAndSharedSecretKey() {
        secrets.write("shared", "{\"alice\":{\"algorithm\":\"rabbit_password_hashing_sha256\",\"hash\":\"" + TEST12 + "\"}}");
        secrets.write("arn:aws:secretsmanager:us-east-1:123456789012:secret:one-AbCdEf", "{\"hash\":\"" + TEST12 + "\"}");
        assertThat(store.findHash(user("x", Optional.of("shared#alice")))).isPresent();
        assertThat(store.findHash(user("x", Optional.of(
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:one-AbCdEf")))).isPresent();
        assertThatThrownBy(() -> store.findHash(user("x", Optional.of("shared#bob"))))
                .isInstanceOf(StoreException.class).hasMessage("secret 'shared' key 'bob' does not exist");
    }

    @Test
    void corruptSecretsAreStoreErrorsThatNameTheProblemNotTheContent() {
        secrets.write("warren/users/a", "{not json " + TEST12);
        secrets.write("warren/users/b", "{\"algorithm\":\"rabbit_password_hashing_sha3\",\"hash\":\"" + TEST12 + "\"}");
        secrets.write("warren/users/c", "{\"algorithm\":\"rabbit_password_hashing_sha256\"}");
        secrets.write("warren/users/d", "{\"hash\":\"***\"}");
        secrets.write("warren/users/e", "[1,2]");
        assertThatThrownBy(() -> store.findHash(user("a", Optional.empty())))
                .isInstanceOf(StoreException.class).hasMessage("secret 'warren/users/a' is not valid JSON");
        assertThatThrownBy(() -> store.findHash(user("b", Optional.empty())))
                .hasMessageContaining("unknown hashing algorithm 'rabbit_password_hashing_sha3'");
        assertThatThrownBy(() -> store.findHash(user("c", Optional.empty()))).hasMessageContaining("missing 'hash'");
        assertThatThrownBy(() -> store.findHash(user("d", Optional.empty()))).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> store.findHash(user("e", Optional.empty()))).hasMessageContaining("not a JSON object");
    }
}
