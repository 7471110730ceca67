package io.quietwatch.alert.sink.pagerduty;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.sink.http.HttpAlertSink;
import io.quietwatch.alert.sink.http.HttpTransport;
import io.quietwatch.alert.sink.http.HttpUrls;
import io.quietwatch.alert.sink.http.JsonBodies;
import io.quietwatch.alert.sink.http.ReplyClassifier;
import io.quietwatch.alert.sink.http.SecretSource;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * Triggers a PagerDuty incident per alert through the Events API v2 ({@link PagerDutyEvent}). The
 * API answers 202 when it has queued the event; 400 (invalid event) is rejected, 429 and 5xx retried.
 */
public final class PagerDutySink extends HttpAlertSink {
    private final PagerDutySinkConfig config;
    private final SecretSource secrets;
    private URI uri;
    private String routingKey;

    public PagerDutySink(PagerDutySinkConfig config, SecretSource secrets, Clock clock) {
        super(config, config.timeouts(), clock);
        this.config = config;
        this.secrets = secrets;
    }

    @Override
    protected void prepare(List<String> problems) {
        uri = URI.create(config.url().strip());
        routingKey = config.routingKeySecret().resolve(secrets, problems);
    }

    @Override
    protected Delivery attempt(Alert alert, HttpTransport http) {
        byte[] body = JsonBodies.bytes(PagerDutyEvent.of(alert, routingKey, config));
        return ReplyClassifier.classify(http.send(http.postJson(uri, body).build()), HttpUrls.display(uri), clock);
    }
}
