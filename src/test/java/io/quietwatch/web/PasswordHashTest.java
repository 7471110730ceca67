package io.quietwatch.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PBKDF2 hashes: salted, checked in both directions, and refused when malformed or too cheap. */
class PasswordHashTest {
    @Test
    void aHashMatchesItsPasswordOnlyAndEachHasItsOwnSalt() {
        String a = PasswordHash.create("hunter2hunter2".toCharArray(), PasswordHash.MIN_ITERATIONS);
        String b = PasswordHash.create("hunter2hunter2".toCharArray(), PasswordHash.MIN_ITERATIONS);
        assertThat(a).startsWith("pbkdf2-sha256$100000$").isNotEqualTo(b);
        assertThat(PasswordHash.parse(a).matches("hunter2hunter2".toCharArray())).isTrue();
        assertThat(PasswordHash.parse(b).matches("hunter2hunter2".toCharArray())).isTrue();
        assertThat(PasswordHash.parse(a).matches("hunter2hunter3".toCharArray())).isFalse();
        assertThat(PasswordHash.parse(a).matches(new char[0])).isFalse();
    }

    @Test
    void aKnownVectorVerifies() {
        // PBKDF2-HMAC-SHA256("password", "saltsaltsaltsalt", 100000, 32), computed with Python's hashlib.pbkdf2_hmac
        String known = "pbkdf2-sha256$100000$c2FsdHNhbHRzYWx0c2FsdA$" + KNOWN;
        assertThat(PasswordHash.parse(known).matches("password".toCharArray())).isTrue();
    }

    private static final String KNOWN = "T78tEi/mr8Yageny/jk6s5+Qanjd3ceXdjwOeEhX6bQ";

    @Test
    void malformedOrCheapHashesAreRefused() {
        assertThatThrownBy(() -> PasswordHash.parse("md5$abc")).hasMessageContaining("bin/quietwatch passwd");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$x$c2FsdA$aGFzaA")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$1000$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"))
                .hasMessageContaining("between 100000");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$100000$!!$aGFzaGhhc2hoYXNoaGFzaA"))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> PasswordHash.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createRefusesIterationsParseWouldRefuse() {
        assertThatThrownBy(() -> PasswordHash.create("hunter2hunter2".toCharArray(), 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 100000");
        assertThatThrownBy(() -> PasswordHash.create("hunter2hunter2".toCharArray(), 10_000_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 100000");
    }
}
