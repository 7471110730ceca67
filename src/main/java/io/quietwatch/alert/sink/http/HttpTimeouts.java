package io.quietwatch.alert.sink.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The two timeouts every HTTP sink has ({@code connect_timeout_seconds}, default 5, and
 * {@code request_timeout_seconds}, default 10: from sending the request to the whole reply).
 *
 * @param connectSeconds TCP (and TLS) connect timeout
 * @param requestSeconds time allowed for the reply once connected
 */
public record HttpTimeouts(int connectSeconds, int requestSeconds) {
    public static final int DEFAULT_CONNECT_SECONDS = 5;
    public static final int DEFAULT_REQUEST_SECONDS = 10;
    private static final int MAX_SECONDS = 300;

    /** The timeouts, with defaults for nulls. */
    public static HttpTimeouts of(Integer connectSeconds, Integer requestSeconds) {
        return new HttpTimeouts(connectSeconds == null ? DEFAULT_CONNECT_SECONDS : connectSeconds,
                requestSeconds == null ? DEFAULT_REQUEST_SECONDS : requestSeconds);
    }

    /** Problems with the values, each starting with its key. */
    public List<String> problems() {
        List<String> p = new ArrayList<>(2);
        if (connectSeconds < 1 || connectSeconds > MAX_SECONDS) {
            p.add("connect_timeout_seconds: must be between 1 and " + MAX_SECONDS);
        }
        if (requestSeconds < 1 || requestSeconds > MAX_SECONDS) {
            p.add("request_timeout_seconds: must be between 1 and " + MAX_SECONDS);
        }
        return p;
    }

    public Duration connect() {
        return Duration.ofSeconds(connectSeconds);
    }

    public Duration request() {
        return Duration.ofSeconds(requestSeconds);
    }
}
