package io.quietwatch.alert.sink.http;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The credentials header of a request: none, {@code Authorization: Bearer}, {@code Authorization:
 * Basic} (RFC 7617), or an API token in a header of the receiver's choosing. Values are checked when
 * made (no line breaks or control characters); {@link #toString()} hides them.
 */
public final class HttpAuth {
    private static final HttpAuth NONE = new HttpAuth("none", null, null);

    private final String scheme;
    private final String header;
    private final String value;

    private HttpAuth(String scheme, String header, String value) {
        this.scheme = scheme;
        this.header = header;
        this.value = value;
    }

    /** No credentials. */
    public static HttpAuth none() {
        return NONE;
    }

    /**
     * {@code Authorization: Bearer <token>}.
     *
     * @throws IllegalArgumentException if the token is empty or holds a line break or control character
     */
    public static HttpAuth bearer(String token) {
        return new HttpAuth("bearer", "Authorization", "Bearer " + checked("bearer token", token));
    }

    /**
     * {@code Authorization: Basic base64(user:password)}.
     *
     * @throws IllegalArgumentException if the user name is empty or has a colon, or either holds a
     *                                  line break or control character
     */
    public static HttpAuth basic(String user, String password) {
        checked("user name", user);
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("user name must not contain ':' (RFC 7617)");
        }
        checked("password", password);
        String pair = user + ":" + password;
        return new HttpAuth("basic", "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * An API token in {@code header}, e.g. {@code X-Api-Key: <token>}.
     *
     * @throws IllegalArgumentException if the header name is not one a configuration may set, or the
     *                                  token is empty or holds a line break or control character
     */
    public static HttpAuth header(String header, String token) {
        String bad = HeaderValues.nameProblem(header);
        if (bad != null) {
            throw new IllegalArgumentException(bad);
        }
        return new HttpAuth("header", header, checked("API token", token));
    }

    private static String checked(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        String bad = HeaderValues.valueProblem(value);
        if (bad != null) {
            throw new IllegalArgumentException(what + " " + bad);
        }
        return value;
    }

    /** Adds the header to a request (nothing for {@link #none()}). */
    public HttpRequest.Builder apply(HttpRequest.Builder request) {
        return header == null ? request : request.setHeader(header, value);
    }

    /** Whether credentials are sent. */
    public boolean present() {
        return header != null;
    }

    @Override
    public String toString() {
        return header == null ? "no credentials" : scheme + " credentials in " + header + " (****)";
    }
}
