package io.quietwatch.alert.sink.http;

import io.quietwatch.alert.AlertSink.Delivery;

import java.time.Clock;

/**
 * Turns one {@link HttpReply} into a {@link Delivery}: 2xx is delivered; no reply (connect error,
 * timeout), 408, 429 and 5xx are worth retrying later, honouring {@code Retry-After}; any other
 * status (other 4xx, and 1xx/3xx, since redirects are not followed) is rejected with the status and
 * the start of the body, because sending the same request again would fail the same way.
 */
public final class ReplyClassifier {
    /** Characters of the response body kept in a delivery's reason. */
    public static final int BODY_START = 300;

    private ReplyClassifier() {
    }

    /**
     * The delivery for {@code reply}.
     *
     * @param target where the request went, as shown in reasons ({@link HttpUrls#display})
     * @param clock  for {@code Retry-After} dates
     */
    public static Delivery classify(HttpReply reply, String target, Clock clock) {
        if (reply.failed()) {
            return Delivery.retry(0, reply.failure(), 0);
        }
        int status = reply.status();
        if (status >= 200 && status <= 299) {
            return Delivery.delivered(status);
        }
        if (retriable(status)) {
            long after = RetryAfter.millis(reply.header("Retry-After"), clock.instant());
            return Delivery.retry(status, reason(reply, target), after);
        }
        return Delivery.rejected(status, reason(reply, target));
    }

    /** Whether a status means "try again later": 408, 429 or 5xx. */
    public static boolean retriable(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599);
    }

    /** {@code HTTP 400 from https://host: <body start>}, with the redirect target for 3xx. */
    public static String reason(HttpReply reply, String target) {
        StringBuilder sb = new StringBuilder(64).append("HTTP ").append(reply.status()).append(" from ").append(target);
        if (reply.status() >= 300 && reply.status() <= 399) {
            String location = reply.header("Location");
            sb.append(" (redirect to ").append(location == null ? "nowhere" : AlertText.oneLine(location, 200))
                    .append("; redirects are not followed, check the URL)");
        }
        String body = reply.bodyStart(BODY_START);
        if (!body.isEmpty()) {
            sb.append(": ").append(body);
        }
        return sb.toString();
    }
}
