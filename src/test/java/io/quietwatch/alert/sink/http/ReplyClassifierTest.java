package io.quietwatch.alert.sink.http;

import io.quietwatch.alert.AlertSink.Delivery;
import io.quietwatch.alert.AlertSink.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyClassifierTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    private static HttpReply reply(int status, String body, String... headers) {
        Map<String, List<String>> h = new java.util.HashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.put(headers[i], List.of(headers[i + 1]));
        }
        return HttpReply.of(status, HttpHeaders.of(h, (a, b) -> true), body);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void twoHundredsAreDelivered(int status) {
        Delivery d = ReplyClassifier.classify(reply(status, ""), "https://x", CLOCK);
        assertThat(d.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(d.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504, 599})
    void busyAndServerErrorsAreRetried(int status) {
        Delivery d = ReplyClassifier.classify(reply(status, "busy"), "https://x", CLOCK);
        assertThat(d.outcome()).isEqualTo(Outcome.RETRY_LATER);
        assertThat(d.reason()).isEqualTo("HTTP " + status + " from https://x: busy");
        assertThat(d.retryAfterMillis()).isZero();
    }

    @Test
    void retryAfterIsHonouredAsSecondsOrDate() {
        assertThat(ReplyClassifier.classify(reply(429, "", "Retry-After", "7"), "t", CLOCK).retryAfterMillis()).isEqualTo(7000);
        assertThat(ReplyClassifier.classify(reply(503, "", "Retry-After", "Wed, 01 May 2024 10:02:00 GMT"), "t", CLOCK)
                .retryAfterMillis()).isEqualTo(120_000);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 410, 413, 422})
    void otherClientErrorsAreRejectedWithTheBodyStart(int status) {
        Delivery d = ReplyClassifier.classify(reply(status, "{\"error\":\"nope\"}\r\n" + "y".repeat(5000)), "https://x", CLOCK);
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(d.status()).isEqualTo(status);
        assertThat(d.reason()).startsWith("HTTP " + status + " from https://x: {\"error\":\"nope\"} yyy")
                .endsWith(AlertText.ELLIPSIS).doesNotContain("\r", "\n");
        assertThat(d.reason().length()).isLessThanOrEqualTo(ReplyClassifier.BODY_START + 40);
    }

    @Test
    void redirectsAreRejectedNamingTheTarget() {
        Delivery d = ReplyClassifier.classify(reply(301, "", "Location", "https://new.example/hook"), "http://old", CLOCK);
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(d.reason()).contains("redirect to https://new.example/hook");
    }

    @Test
    void noReplyIsRetried() {
        Delivery d = ReplyClassifier.classify(HttpReply.failed("cannot connect to http://x"), "http://x", CLOCK);
        assertThat(d.outcome()).isEqualTo(Outcome.RETRY_LATER);
        assertThat(d.status()).isZero();
        assertThat(d.reason()).isEqualTo("cannot connect to http://x");
    }
}
