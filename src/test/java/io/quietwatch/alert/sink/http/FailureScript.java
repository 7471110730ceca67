package io.quietwatch.alert.sink.http;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.AlertSink.Delivery;
import io.quietwatch.alert.AlertSink.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The peer misbehaviours every HTTP sink must classify the same way, one attempt each: 500, 429 with
 * {@code Retry-After: 7}, a reply slower than the 1 s request timeout, 400 with a body, then success.
 */
public final class FailureScript {
    private FailureScript() {
    }

    /** Runs the script against {@code sink} (configured with {@code request_timeout_seconds: 1}). */
    public static void run(ScriptedPeer peer, AlertSink sink, Alert alert, int successStatus) {
        peer.reply(500, "{\"error\":\"database down\"}")
                .reply(429, "{\"error\":\"slow down\"}", "Retry-After", "7")
                .replyAfter(2500, successStatus, "{}")
                .reply(400, "{\"errorMessages\":[\"Field 'summary' is too long\"]}\r\nX-Injected: yes\r\n" + "z".repeat(1000))
                .reply(successStatus, "{\"id\":\"10001\",\"key\":\"SEC-1\"}");

        Delivery first = sink.deliver(alert);
        assertThat(first.outcome()).isEqualTo(Outcome.RETRY_LATER);
        assertThat(first.status()).isEqualTo(500);
        assertThat(first.retryAfterMillis()).isZero();
        assertThat(first.reason()).contains("HTTP 500", "database down");

        Delivery second = sink.deliver(alert);
        assertThat(second.outcome()).isEqualTo(Outcome.RETRY_LATER);
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.retryAfterMillis()).isEqualTo(7000);

        Delivery third = sink.deliver(alert);
        assertThat(third.outcome()).isEqualTo(Outcome.RETRY_LATER);
        assertThat(third.status()).isZero();
        assertThat(third.reason()).contains("127.0.0.1").contains("within");

        Delivery fourth = sink.deliver(alert);
        assertThat(fourth.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(fourth.status()).isEqualTo(400);
        assertThat(fourth.reason()).startsWith("HTTP 400 from http://127.0.0.1:")
                .contains("Field 'summary' is too long\"]} X-Injected: yes zzz")
                .doesNotContain("\r", "\n")
                .hasSizeLessThan(ReplyClassifier.BODY_START + 80);

        Delivery fifth = sink.deliver(alert);
        assertThat(fifth.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(fifth.status()).isEqualTo(successStatus);
        assertThat(peer.requests()).hasSize(5);
    }
}
