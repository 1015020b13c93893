package dev.warren.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordHasherTest {

    private static final byte[] SALT = HexFormat.of().parseHex("908dc60a");

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            rabbit_password_hashing_sha256 | test12     | kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR
            rabbit_password_hashing_sha512 | test12     | kI3GChuNuIYf8lRbCCxZjgjKwsY19ns6+uFO0zcXRBGA/XGJPYD8OWMy7EB8TaOmAzjP2azv84GbINYwX2cDWb4DHnc=
            rabbit_password_hashing_md5    | test12     | kI3GChNpte2FApYFXScl+0dIluk=
            rabbit_password_hashing_sha256 | pässwörd ✓ | AQIDBFMzTOSi9NasAbmuRjokUDCz/YFO7kQiUV8nBVInUYQI
            """)
    void knownVectorsVerify(String algorithm, String password, String hash) {
        PasswordHash stored = PasswordHash.of(algorithm, hash);
        assertThat(PasswordHasher.verify(password, stored)).isTrue();
        assertThat(PasswordHasher.verify(password + "x", stored)).isFalse();
        assertThat(PasswordHasher.verify(password.toUpperCase(), stored)).isFalse();
    }

    @Test
    void rabbitHashReproducesTheDocumentedVector() {
        assertThat(PasswordHasher.rabbitHash(HashingAlgorithm.SHA256, SALT, "test12").encoded())
                .isEqualTo("kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR");
        assertThat(PasswordHasher.rabbitHash(HashingAlgorithm.MD5, SALT, "test12").encoded())
                .isEqualTo("kI3GChNpte2FApYFXScl+0dIluk=");
    }

    @Test
    void missingAlgorithmMeansSha256() {
        PasswordHash stored = PasswordHash.of(null, "kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR");
        assertThat(stored.algorithm()).isEqualTo(HashingAlgorithm.SHA256);
        assertThat(PasswordHasher.verify("test12", stored)).isTrue();
    }

    @Test
    void algorithmsAreNotInterchangeable() {
        PasswordHash asSha512 = PasswordHash.of("rabbit_password_hashing_sha512",
                "kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR");
        assertThat(PasswordHasher.verify("test12", asSha512)).isFalse();
    }

    @Test
    void emptyPasswordNeverMatchesEvenItsOwnHash() {
        PasswordHash ofEmpty = PasswordHash.of("rabbit_password_hashing_sha512",
                "3q2+7xKEstUhU1GW8iF11fVYEEIgpq12gOeLSfpvIOV+p7GF1x7B7bE35w66Uo3tsUH10vi7UxSdJikysnz0H+2Wqn8=");
        assertThat(PasswordHasher.verify("", ofEmpty)).isFalse();
    }

    @Test
    void nulIsPartOfThePassword() {
        PasswordHash stored = PasswordHasher.rabbitHash(HashingAlgorithm.SHA256, SALT, "test12");
        assertThat(PasswordHasher.verify("test12\0", stored)).isFalse();
        assertThat(PasswordHasher.verify("test12\0extra", stored)).isFalse();
    }

    @Test
    void pbkdf2RoundTripsAndStoresItsCost() {
        PasswordHasher hasher = new PasswordHasher(1_000);
        PasswordHash hash = hasher.hash("s3cret");
        assertThat(hash.algorithm()).isEqualTo(HashingAlgorithm.PBKDF2_SHA256);
        assertThat(PasswordHasher.verify("s3cret", hash)).isTrue();
        assertThat(PasswordHasher.verify("s3cret ", hash)).isFalse();
        byte[] raw = Base64.getDecoder().decode(hash.encoded());
        assertThat(java.nio.ByteBuffer.wrap(raw).getInt()).isEqualTo(1_000);
        assertThat(raw).hasSize(4 + 16 + 32);
        assertThat(hasher.hash("s3cret").encoded()).as("random salt").isNotEqualTo(hash.encoded());
    }

    @Test
    @Timeout(30)
    void unverifiableHashHasTheCostOfARealHashWithoutDerivingAKey() {
        // A derivation at Integer.MAX_VALUE iterations would run for days: this returns at once
        // only because no key is derived.
        PasswordHash slow = new PasswordHasher(Integer.MAX_VALUE).unverifiableHash();
        byte[] raw = Base64.getDecoder().decode(slow.encoded());
        assertThat(slow.algorithm()).isEqualTo(HashingAlgorithm.PBKDF2_SHA256);
        assertThat(java.nio.ByteBuffer.wrap(raw).getInt()).as("cost of a real hash").isEqualTo(Integer.MAX_VALUE);
        assertThat(raw).hasSize(4 + 16 + 32);

        PasswordHasher hasher = new PasswordHasher(1_000);
        PasswordHash dummy = hasher.unverifiableHash();
        assertThat(Base64.getDecoder().decode(dummy.encoded())).hasSameSizeAs(
                Base64.getDecoder().decode(hasher.hash("s3cret").encoded()));
        for (String password : new String[] {"", "s3cret", "guest", "warren-dummy"}) {
            assertThat(PasswordHasher.verify(password, dummy)).isFalse();
        }
        assertThat(hasher.unverifiableHash().encoded()).as("random salt and key").isNotEqualTo(dummy.encoded());
    }

    @Test
    void pbkdf2MatchesAnIndependentVector() {
        // python3: hashlib.pbkdf2_hmac('sha256', b'password', b'saltsaltsaltsalt', 1000)
        byte[] salt = "saltsaltsaltsalt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] key = HexFormat.of().parseHex(PBKDF2_VECTOR);
        String encoded = Base64.getEncoder().encodeToString(Pbkdf2.encode(1000, salt, key));
        assertThat(PasswordHasher.verify("password", PasswordHash.of("warren_password_hashing_pbkdf2_sha256", encoded)))
                .isTrue();
    }

    static final String PBKDF2_VECTOR = "f275fb870144cc807c68f6a325360af3078741ce4d833d2915500abd2bb88d00";

    @Test
    void malformedHashesAreRejectedWhereTheyAreRead() {
        assertThatThrownBy(() -> PasswordHash.of("rabbit_password_hashing_sha1", "kI3GCqW5"))
                .hasMessageContaining("unknown hashing algorithm");
        assertThatThrownBy(() -> PasswordHash.of(null, "not base64!"))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> PasswordHash.of(null, "kI3G"))
                .hasMessageContaining("too short");
    }
}
