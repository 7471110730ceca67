package io.quietwatch.alert.sink.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.sink.http.AlertRef;
import io.quietwatch.alert.sink.http.AlertText;
import io.quietwatch.alert.sink.http.HttpAlertSink;
import io.quietwatch.alert.sink.http.HttpAuth;
import io.quietwatch.alert.sink.http.HttpReply;
import io.quietwatch.alert.sink.http.HttpTransport;
import io.quietwatch.alert.sink.http.HttpUrls;
import io.quietwatch.alert.sink.http.JsonBodies;
import io.quietwatch.alert.sink.http.ReplyClassifier;
import io.quietwatch.alert.sink.http.SecretSource;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Inserts one incident per alert with the Table API ({@code POST /api/now/table/<table>}, answered
 * with 201). The alert id is the record's {@code correlation_id}; with {@code dedupe_search} (the
 * default) each attempt first asks for a record with that correlation id (one GET) and counts the
 * alert as delivered when one exists, so a redelivery after a lost reply files nothing twice.
 */
public final class ServiceNowSink extends HttpAlertSink {
    private static final Logger LOG = LogManager.getLogger(ServiceNowSink.class);

    private final ServiceNowSinkConfig config;
    private final SecretSource secrets;
    private URI tableUri;
    private String target;
    private HttpAuth auth;

    public ServiceNowSink(ServiceNowSinkConfig config, SecretSource secrets, Clock clock) {
        super(config, config.timeouts(), clock);
        this.config = config;
        this.secrets = secrets;
    }

    @Override
    protected void prepare(List<String> problems) {
        tableUri = HttpUrls.join(config.instanceUrl(), "/api/now/table/" + config.table());
        target = HttpUrls.display(tableUri);
        if (config.bearerTokenSecret().given()) {
            String token = config.bearerTokenSecret().resolve(secrets, problems);
            if (token != null) {
                auth = auth("bearer_token", problems, () -> HttpAuth.bearer(token));
            }
        } else {
            String password = config.passwordSecret().resolve(secrets, problems);
            if (password != null) {
                auth = auth("password", problems, () -> HttpAuth.basic(config.username(), password));
            }
        }
    }

    @Override
    protected Delivery attempt(Alert alert, HttpTransport http) {
        if (config.dedupeSearch()) {
            HttpReply found = http.send(auth.apply(http.request(searchUri(alert)).GET()).build());
            if (!found.success()) {
                return failedBefore("dedupe search", found, target);
            }
            String number = existingNumber(found);
            if (number != null) {
                return new Delivery(Outcome.DELIVERED, found.status(), "record " + number + " already exists for this alert", 0);
            }
        }
        byte[] body = JsonBodies.bytes(ServiceNowIncident.of(alert, config));
        return ReplyClassifier.classify(http.send(auth.apply(http.postJson(tableUri, body)).build()), target, clock);
    }

    private URI searchUri(Alert alert) {
        // AlertRef ids are [A-Za-z0-9._-]: no '^' can add a clause to the encoded query
        String query = "correlation_id=" + AlertRef.of(alert);
        return URI.create(tableUri + "?sysparm_query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&sysparm_limit=1&sysparm_fields=sys_id,number");
    }

    private String existingNumber(HttpReply reply) {
        JsonNode json = JsonBodies.parse(reply.body());
        JsonNode result = json == null ? null : json.get("result");
        if (result == null || !result.isArray()) {
            LOG.warn("Sink {}: the dedupe search reply from {} has no result list; inserting anyway", name(), target);
            return null;
        }
        if (result.isEmpty()) {
            return null;
        }
        JsonNode number = result.get(0).get("number");
        return number == null ? "(unknown number)" : AlertText.oneLine(number.asText(), 50);
    }
}
