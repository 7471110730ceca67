package io.quietwatch.alert.sink.http;

import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds the {@code toString()} of a sink configuration record with secrets masked, so a
 * configuration can be logged: {@code WebhookSinkConfig[name=soc, url=https://x/…, bearer_token=****]}.
 */
public final class ConfigText {
    private final StringJoiner out;

    public ConfigText(String type) {
        out = new StringJoiner(", ", type + "[", "]");
    }

    /** A plain setting; left out when null. */
    public ConfigText add(String key, Object value) {
        if (value != null) {
            out.add(key + "=" + value);
        }
        return this;
    }

    /** A URL, shown as {@link HttpUrls#display(String)} because paths may hold tokens. */
    public ConfigText url(String key, String value) {
        return add(key, value == null ? null : HttpUrls.display(value));
    }

    /** A secret: its source is shown, never its value; left out when not given. */
    public ConfigText secret(Secret secret) {
        if (secret.given()) {
            out.add(secret.toString());
        }
        return this;
    }

    /** Header names with masked values. */
    public ConfigText headers(String key, Map<String, String> headers) {
        if (headers != null && !headers.isEmpty()) {
            StringJoiner h = new StringJoiner(", ", "{", "}");
            headers.keySet().forEach(k -> h.add(k + "=****"));
            out.add(key + "=" + h);
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
