package io.quietwatch.alert.sink.thehive;

import com.fasterxml.jackson.databind.JsonNode;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.sink.http.AlertRef;
import io.quietwatch.alert.sink.http.HttpAlertSink;
import io.quietwatch.alert.sink.http.HttpAuth;
import io.quietwatch.alert.sink.http.HttpReply;
import io.quietwatch.alert.sink.http.HttpTransport;
import io.quietwatch.alert.sink.http.HttpUrls;
import io.quietwatch.alert.sink.http.JsonBodies;
import io.quietwatch.alert.sink.http.ReplyClassifier;
import io.quietwatch.alert.sink.http.SecretSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Files one TheHive alert per QuietWatch alert ({@link TheHiveAlert}), authenticated with the API
 * key as a bearer token; TheHive answers 201. TheHive refuses a second alert with the same type,
 * source and sourceRef with 400 and an error such as {@code {"type":"CreateError","message":"Alert
 * uncommon-port:QuietWatch:<id> already exist in organisation SOC"}}: that means an earlier attempt
 * got through, so it counts as delivered.
 */
public final class TheHiveSink extends HttpAlertSink {
    private final TheHiveSinkConfig config;
    private final SecretSource secrets;
    private URI alertUri;
    private String target;
    private HttpAuth auth;

    public TheHiveSink(TheHiveSinkConfig config, SecretSource secrets, Clock clock) {
        super(config, config.timeouts(), clock);
        this.config = config;
        this.secrets = secrets;
    }

    @Override
    protected void prepare(List<String> problems) {
        alertUri = HttpUrls.join(config.url(), "/api/v1/alert");
        target = HttpUrls.display(alertUri);
        String key = config.apiKeySecret().resolve(secrets, problems);
        if (key != null) {
            auth = auth("api_key", problems, () -> HttpAuth.bearer(key));
        }
    }

    @Override
    protected Delivery attempt(Alert alert, HttpTransport http) {
        byte[] body = JsonBodies.bytes(TheHiveAlert.of(alert, config));
        HttpRequest.Builder request = auth.apply(http.postJson(alertUri, body));
        if (config.organisation() != null) {
            request.header("X-Organisation", config.organisation());
        }
        HttpReply reply = http.send(request.build());
        if (isDuplicate(reply, AlertRef.of(alert))) {
            return new Delivery(Outcome.DELIVERED, reply.status(), "TheHive already has this alert: " + reply.bodyStart(200), 0);
        }
        return ReplyClassifier.classify(reply, target, clock);
    }

    /**
     * Whether a reply is TheHive's "alert already exists": 400 (or 409) whose error message says the
     * alert, or our sourceRef, already exists; an "observable already exists" error is not this.
     */
    static boolean isDuplicate(HttpReply reply, String sourceRef) {
        if (reply.status() != 400 && reply.status() != 409) {
            return false;
        }
        JsonNode json = JsonBodies.parse(reply.body());
        JsonNode message = json == null ? null : json.get("message");
        if (message == null || !message.isTextual()) {
            return false;
        }
        String m = message.asText().toLowerCase(Locale.ROOT);
        return m.contains("already exist") && !m.contains("observable")
                && (m.contains(sourceRef.toLowerCase(Locale.ROOT)) || m.startsWith("alert"));
    }
}
