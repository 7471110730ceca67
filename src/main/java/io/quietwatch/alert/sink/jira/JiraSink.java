package io.quietwatch.alert.sink.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.quietwatch.alert.Alert;
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
 * Files one Jira issue per alert ({@link JiraIssue}); Jira answers 201. Delivery is at least once,
 * so with {@code dedupe_search} (the default) each attempt first searches for an issue labelled
 * {@code qw-<alert id>} in the project (one GET, JQL {@code labels = "qw-<id>"}) and counts the alert
 * as delivered when one exists. Cloud searches {@code /rest/api/3/search/jql}, Data Center
 * {@code /rest/api/2/search}. Jira's search index can lag a few seconds behind a create, so two
 * attempts in quick succession may still file twice; the label makes such twins easy to find.
 */
public final class JiraSink extends HttpAlertSink {
    private static final Logger LOG = LogManager.getLogger(JiraSink.class);

    private final JiraSinkConfig config;
    private final SecretSource secrets;
    private URI createUri;
    private String searchBase;
    private String target;
    private HttpAuth auth;

    public JiraSink(JiraSinkConfig config, SecretSource secrets, Clock clock) {
        super(config, config.timeouts(), clock);
        this.config = config;
        this.secrets = secrets;
    }

    @Override
    protected void prepare(List<String> problems) {
        String api = config.cloud() ? "/rest/api/3" : "/rest/api/2";
        createUri = HttpUrls.join(config.baseUrl(), api + "/issue");
        searchBase = HttpUrls.join(config.baseUrl(), api + (config.cloud() ? "/search/jql" : "/search")).toString();
        target = HttpUrls.display(createUri);
        if (config.cloud()) {
            String token = config.apiTokenSecret().resolve(secrets, problems);
            if (token != null) {
                auth = auth("api_token", problems, () -> HttpAuth.basic(config.email().strip(), token));
            }
        } else if (config.personalAccessTokenSecret().given()) {
            String pat = config.personalAccessTokenSecret().resolve(secrets, problems);
            if (pat != null) {
                auth = auth("personal_access_token", problems, () -> HttpAuth.bearer(pat));
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
            String key = existingKey(found);
            if (key != null) {
                return new Delivery(Outcome.DELIVERED, found.status(), "issue " + key + " already exists for this alert", 0);
            }
        }
        byte[] body = JsonBodies.bytes(JiraIssue.of(alert, config));
        HttpReply created = http.send(auth.apply(http.postJson(createUri, body)).build());
        return ReplyClassifier.classify(created, target, clock);
    }

    private URI searchUri(Alert alert) {
        String jql = "project = \"" + config.projectKey() + "\" AND labels = \"" + JiraIssue.label(alert) + "\"";
        return URI.create(searchBase + "?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8) + "&maxResults=1&fields=key");
    }

    /** The key of the first issue in a search reply, or null when there is none or the reply is unreadable. */
    private String existingKey(HttpReply reply) {
        JsonNode json = JsonBodies.parse(reply.body());
        JsonNode issues = json == null ? null : json.get("issues");
        if (issues == null || !issues.isArray()) {
            LOG.warn("Sink {}: the dedupe search reply from {} has no issues list; creating the issue anyway", name(), target);
            return null;
        }
        if (issues.isEmpty()) {
            return null;
        }
        JsonNode key = issues.get(0).get("key");
        return key == null ? "(unknown key)" : AlertText.oneLine(key.asText(), 50);
    }
}
