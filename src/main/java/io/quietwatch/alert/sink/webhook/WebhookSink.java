package io.quietwatch.alert.sink.webhook;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertJson;
import io.quietwatch.alert.sink.http.AlertRef;
import io.quietwatch.alert.sink.http.HttpAlertSink;
import io.quietwatch.alert.sink.http.HttpAuth;
import io.quietwatch.alert.sink.http.HttpTransport;
import io.quietwatch.alert.sink.http.HttpUrls;
import io.quietwatch.alert.sink.http.ReplyClassifier;
import io.quietwatch.alert.sink.http.SecretSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * POSTs each alert's JSON ({@link AlertJson}, the same object as a line of {@code alerts.jsonl}) to a
 * URL, with {@code Idempotency-Key: <alert delivery key>} so the receiver can drop redeliveries, optional
 * bearer or basic credentials, optional HMAC signature ({@link WebhookSignature}) and static headers.
 * Any 2xx is delivered.
 */
public final class WebhookSink extends HttpAlertSink {
    private final WebhookSinkConfig config;
    private final SecretSource secrets;
    private URI uri;
    private HttpAuth auth;
    private byte[] hmacKey;

    public WebhookSink(WebhookSinkConfig config, SecretSource secrets, Clock clock) {
        super(config, config.timeouts(), clock);
        this.config = config;
        this.secrets = secrets;
    }

    @Override
    protected void prepare(List<String> problems) {
        uri = URI.create(config.url().strip());
        String token = config.bearerTokenSecret().resolve(secrets, problems);
        String password = config.passwordSecret().resolve(secrets, problems);
        String hmac = config.hmacSecretSetting().resolve(secrets, problems);
        hmacKey = hmac == null ? null : hmac.getBytes(StandardCharsets.UTF_8);
        if (token != null) {
            auth = auth("bearer_token", problems, () -> HttpAuth.bearer(token));
        } else if (config.username() != null && password != null) {
            auth = auth("username", problems, () -> HttpAuth.basic(config.username(), password));
        } else {
            auth = HttpAuth.none();
        }
    }

    @Override
    protected Delivery attempt(Alert alert, HttpTransport http) {
        byte[] body = AlertJson.toJson(alert).getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = http.postJson(uri, body);
        for (Map.Entry<String, String> h : config.headers().entrySet()) {
            request.header(h.getKey(), h.getValue());
        }
        auth.apply(request);
        request.setHeader("Idempotency-Key", AlertRef.delivery(alert));
        if (hmacKey != null) {
            long now = clock.instant().getEpochSecond();
            request.setHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now));
            request.setHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(hmacKey, now, body));
        }
        return ReplyClassifier.classify(http.send(request.build()), HttpUrls.display(uri), clock);
    }
}
