package io.quietwatch.alert.sink.http;

import java.net.http.HttpHeaders;
import java.util.Map;

/**
 * What one HTTP exchange gave: the status, headers and (the start of) the body of a reply, or, when
 * no reply came, why not.
 *
 * @param status  the HTTP status, or 0 when no reply came
 * @param headers the reply's headers (empty when none came)
 * @param body    the reply body as text, possibly cut at the transport's limit ("" when none)
 * @param failure why no reply came (connect error, timeout), or null when one did
 */
public record HttpReply(int status, HttpHeaders headers, String body, String failure) {
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);

    public HttpReply {
        headers = headers == null ? NO_HEADERS : headers;
        body = body == null ? "" : body;
    }

    /** A reply that came. */
    public static HttpReply of(int status, HttpHeaders headers, String body) {
        return new HttpReply(status, headers, body, null);
    }

    /** No reply came, because of {@code failure}. */
    public static HttpReply failed(String failure) {
        return new HttpReply(0, NO_HEADERS, "", failure);
    }

    /** Whether no reply came. */
    public boolean failed() {
        return failure != null;
    }

    /** Whether a 2xx reply came. */
    public boolean success() {
        return failure == null && status >= 200 && status <= 299;
    }

    /** A header's first value, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The body's start on one line, for a delivery log: control characters as spaces, cut at {@code max}. */
    public String bodyStart(int max) {
        return AlertText.oneLine(body, max);
    }
}
