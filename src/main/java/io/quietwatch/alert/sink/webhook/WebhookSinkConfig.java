package io.quietwatch.alert.sink.webhook;

import io.quietwatch.alert.sink.http.ConfigText;
import io.quietwatch.alert.sink.http.HeaderValues;
import io.quietwatch.alert.sink.http.HttpTimeouts;
import io.quietwatch.alert.sink.http.HttpUrls;
import io.quietwatch.alert.sink.http.Secret;
import io.quietwatch.config.SinkConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The alert's JSON posted to a URL ({@code type: webhook}).
 *
 * @param name                  sink name (default {@code webhook})
 * @param url                   where to POST (required, http or https)
 * @param bearerToken           {@code Authorization: Bearer} token; or {@code bearer_token_file}, {@code bearer_token_env}
 * @param username              user for basic authentication, with {@code password} (or {@code password_file}, {@code password_env})
 * @param hmacSecret            key for {@code X-QuietWatch-Signature}; or {@code hmac_secret_file}, {@code hmac_secret_env}
 * @param headers               extra static headers (no Host, Content-Length, or headers the sink sets itself)
 * @param connectTimeoutSeconds default 5
 * @param requestTimeoutSeconds default 10
 */
public record WebhookSinkConfig(
        String name,
        String url,
        String bearerToken,
        String bearerTokenFile,
        String bearerTokenEnv,
        String username,
        String password,
        String passwordFile,
        String passwordEnv,
        String hmacSecret,
        String hmacSecretFile,
        String hmacSecretEnv,
        Map<String, String> headers,
        Integer connectTimeoutSeconds,
        Integer requestTimeoutSeconds) implements SinkConfig {

    /** Headers the sink sets itself; configuring them would be a mistake. */
    private static final Set<String> OWN = Set.of("content-type", "idempotency-key", "x-quietwatch-signature",
            "x-quietwatch-timestamp", "user-agent");

    public WebhookSinkConfig {
        name = name == null ? "webhook" : name;
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A webhook to {@code url} without credentials or signature. */
    public WebhookSinkConfig(String name, String url) {
        this(name, url, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public Secret bearerTokenSecret() {
        return new Secret("bearer_token", bearerToken, bearerTokenFile, bearerTokenEnv);
    }

    public Secret passwordSecret() {
        return new Secret("password", password, passwordFile, passwordEnv);
    }

    public Secret hmacSecretSetting() {
        return new Secret("hmac_secret", hmacSecret, hmacSecretFile, hmacSecretEnv);
    }

    public HttpTimeouts timeouts() {
        return HttpTimeouts.of(connectTimeoutSeconds, requestTimeoutSeconds);
    }

    @Override
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        String u = HttpUrls.problem("url", url);
        if (u != null) {
            p.add(u);
        }
        p.addAll(bearerTokenSecret().problems());
        p.addAll(passwordSecret().problems());
        p.addAll(hmacSecretSetting().problems());
        boolean basic = username != null || passwordSecret().given();
        if (bearerTokenSecret().given() && basic) {
            p.add("bearer_token: give either bearer_token or username and password, not both");
        }
        if (username != null && !passwordSecret().given()) {
            p.add("password: is required with username");
        }
        if (username == null && passwordSecret().given()) {
            p.add("username: is required with password");
        }
        if (username != null && HeaderValues.valueProblem(username) != null) {
            p.add("username: " + HeaderValues.valueProblem(username));
        }
        headerProblems(p, bearerTokenSecret().given() || basic);
        p.addAll(timeouts().problems());
        return p;
    }

    private void headerProblems(List<String> p, boolean auth) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String bad = HeaderValues.nameProblem(h.getKey());
            String lower = h.getKey().toLowerCase(Locale.ROOT);
            if (bad != null) {
                p.add("headers: " + bad);
            } else if (OWN.contains(lower)) {
                p.add("headers: '" + h.getKey() + "' is set by the sink");
            } else if (auth && lower.equals("authorization")) {
                p.add("headers: 'Authorization' clashes with bearer_token or username/password");
            } else if (HeaderValues.valueProblem(h.getValue()) != null) {
                p.add("headers: the value of '" + h.getKey() + "' " + HeaderValues.valueProblem(h.getValue()));
            }
        }
    }

    @Override
    public String toString() {
        return new ConfigText("WebhookSinkConfig").add("name", name).url("url", url)
                .secret(bearerTokenSecret()).add("username", username).secret(passwordSecret())
                .secret(hmacSecretSetting()).headers("headers", headers)
                .add("connect_timeout_seconds", connectTimeoutSeconds).add("request_timeout_seconds", requestTimeoutSeconds)
                .toString();
    }
}
