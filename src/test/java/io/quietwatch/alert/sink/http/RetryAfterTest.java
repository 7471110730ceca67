package io.quietwatch.alert.sink.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("1994-11-06T08:49:00Z");

    @Test
    void readsSeconds() {
        assertThat(RetryAfter.millis("7", NOW)).isEqualTo(7000);
        assertThat(RetryAfter.millis(" 120 ", NOW)).isEqualTo(120_000);
        assertThat(RetryAfter.millis("0", NOW)).isZero();
    }

    @Test
    void readsTheThreeHttpDateForms() {
        // RFC 9110 section 5.6.7 examples, 37 s after NOW
        assertThat(RetryAfter.millis("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).isEqualTo(37_000);
        assertThat(RetryAfter.millis("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).isEqualTo(37_000);
        assertThat(RetryAfter.millis("Sun Nov  6 08:49:37 1994", NOW)).isEqualTo(37_000);
    }

    @Test
    void pastDatesAbsentAndJunkMeanNoHint() {
        assertThat(RetryAfter.millis("Sun, 06 Nov 1994 08:00:00 GMT", NOW)).isZero();
        assertThat(RetryAfter.millis(null, NOW)).isZero();
        assertThat(RetryAfter.millis("", NOW)).isZero();
        assertThat(RetryAfter.millis("soon", NOW)).isZero();
        assertThat(RetryAfter.millis("-5", NOW)).isZero();
        assertThat(RetryAfter.millis("1.5", NOW)).isZero();
    }

    @Test
    void longDelaysAreCappedAtADay() {
        assertThat(RetryAfter.millis("999999", NOW)).isEqualTo(RetryAfter.MAX_MILLIS);
        assertThat(RetryAfter.millis("99999999999999999999", NOW)).isEqualTo(RetryAfter.MAX_MILLIS);
        assertThat(RetryAfter.millis("Fri, 01 Jan 2100 00:00:00 GMT", NOW)).isEqualTo(RetryAfter.MAX_MILLIS);
    }
}
