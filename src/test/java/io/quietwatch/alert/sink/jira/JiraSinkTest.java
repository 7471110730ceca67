package io.quietwatch.alert.sink.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.AlertSink.Delivery;
import io.quietwatch.alert.AlertSink.Outcome;
import io.quietwatch.alert.SinkException;
import io.quietwatch.alert.sink.http.FailureScript;
import io.quietwatch.alert.sink.http.ScriptedPeer;
import io.quietwatch.alert.sink.http.SecretSource;
import io.quietwatch.alert.sink.http.TestAlerts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JiraSinkTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:31:05Z"), ZoneOffset.UTC);
    private static final Map<String, String> PRIORITIES = Map.of("critical", "Highest", "high", "High");

    @TempDir
    Path home;
    private ScriptedPeer peer;
    private JiraSink sink;

    @BeforeEach
    void peer() throws Exception {
        peer = ScriptedPeer.start();
    }

    @AfterEach
    void close() {
        if (sink != null) {
            sink.close();
        }
        peer.close();
    }

    private static JiraSinkConfig cloud(String baseUrl, Boolean dedupe) {
        return new JiraSinkConfig("jira", "cloud", baseUrl, "SEC", null, null, PRIORITIES, "soc@example.com",
                null, null, "JIRA_TOKEN", null, null, null, null, null, null, null, dedupe, 1, 1);
    }

    private static JiraSinkConfig dataCenter(String baseUrl, String pat, String user, String password) {
        return new JiraSinkConfig("jira-dc", "datacenter", baseUrl, "SEC", "Bug", List.of("siem", "quietwatch"), null,
                null, null, null, null, pat, null, null, user, password, null, null, false, 1, 1);
    }

    private JiraSink started(JiraSinkConfig c) throws SinkException {
        sink = new JiraSink(c, new SecretSource(home, Map.of("JIRA_TOKEN", "atl-token")::get), CLOCK);
        sink.start();
        return sink;
    }

    private static String basicUser(ScriptedPeer.Request r) {
        return new String(Base64.getDecoder().decode(r.header("Authorization").substring(6)), StandardCharsets.UTF_8);
    }

    @Test
    void cloudSearchesThenCreatesAnIssueWithAnAdfDescription() throws Exception {
        started(cloud(peer.url(""), null));
        peer.reply(200, "{\"issues\":[],\"isLast\":true}").reply(201, "{\"id\":\"10001\",\"key\":\"SEC-1\"}");
        Alert a = TestAlerts.typical();

        Delivery d = sink.deliver(a);

        assertThat(d.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(d.status()).isEqualTo(201);
        List<ScriptedPeer.Request> rs = peer.requests();
        assertThat(rs).hasSize(2);
        ScriptedPeer.Request search = rs.get(0);
        assertThat(search.method()).isEqualTo("GET");
        assertThat(search.path()).isEqualTo("/rest/api/3/search/jql");
        assertThat(search.query("jql")).isEqualTo("project = \"SEC\" AND labels = \"qw-" + a.id() + "\"");
        assertThat(search.query("maxResults")).isEqualTo("1");
        assertThat(basicUser(search)).isEqualTo("soc@example.com:atl-token");

        ScriptedPeer.Request create = rs.get(1);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.path()).isEqualTo("/rest/api/3/issue");
        assertThat(basicUser(create)).isEqualTo("soc@example.com:atl-token");
        JsonNode f = create.json().path("fields");
        assertThat(f.path("project").path("key").asText()).isEqualTo("SEC");
        assertThat(f.path("issuetype").path("name").asText()).isEqualTo("Task");
        assertThat(f.path("summary").asText()).isEqualTo("Uncommon port 4444/tcp used by 10.0.0.5");
        assertThat(f.path("priority").path("name").asText()).isEqualTo("High");
        assertThat(texts(f.path("labels"))).containsExactly("quietwatch", "qw-" + a.id());

        JsonNode doc = f.path("description");
        assertThat(doc.path("type").asText()).isEqualTo("doc");
        assertThat(doc.path("version").asInt()).isEqualTo(1);
        JsonNode content = doc.path("content");
        assertThat(content.get(0).path("type").asText()).isEqualTo("paragraph");
        assertThat(content.get(0).path("content").get(0).path("text").asText()).startsWith("10.0.0.5 made 12 allowed");
        JsonNode table = content.get(1);
        assertThat(table.path("type").asText()).isEqualTo("table");
        assertThat(row(table, "Host")).isEqualTo("10.0.0.5");
        assertThat(row(table, "User")).isEqualTo("alice");
        assertThat(row(table, "Destination")).isEqualTo("203.0.113.9:4444");
        assertThat(row(table, "First seen")).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(row(table, "Count")).isEqualTo("12");
        assertThat(row(table, "connections")).isEqualTo("12");
        JsonNode code = content.get(3);
        assertThat(code.path("type").asText()).isEqualTo("codeBlock");
        String evidence = code.path("content").get(0).path("text").asText();
        assertThat(evidence.split("\n")).hasSize(2);
        assertThat(evidence).contains("%ASA-6-302013: Built outbound TCP connection 1");
    }

    @Test
    void anExistingIssueForTheAlertCountsAsDelivered() throws Exception {
        started(cloud(peer.url(""), true));
        peer.reply(200, "{\"issues\":[{\"id\":\"10007\",\"key\":\"SEC-7\"}]}");
        Delivery d = sink.deliver(TestAlerts.typical());
        assertThat(d.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(d.reason()).contains("SEC-7");
        assertThat(peer.requests()).hasSize(1);
    }

    @Test
    void aFailedSearchIsClassifiedAndNothingIsCreated() throws Exception {
        started(cloud(peer.url(""), true));
        peer.reply(503, "maintenance", "Retry-After", "30").reply(401, "{\"errorMessages\":[\"unauthorised\"]}");
        Delivery busy = sink.deliver(TestAlerts.typical());
        assertThat(busy.outcome()).isEqualTo(Outcome.RETRY_LATER);
        assertThat(busy.retryAfterMillis()).isEqualTo(30_000);
        assertThat(busy.reason()).startsWith("dedupe search: HTTP 503");
        Delivery denied = sink.deliver(TestAlerts.typical());
        assertThat(denied.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(denied.reason()).startsWith("dedupe search: HTTP 401").contains("unauthorised");
        assertThat(peer.requests()).extracting(ScriptedPeer.Request::method).containsOnly("GET");
    }

    @Test
    void anUnreadableSearchReplyStillCreatesTheIssue() throws Exception {
        started(cloud(peer.url(""), true));
        peer.reply(200, "<html>login</html>").reply(201, "{}");
        assertThat(sink.deliver(TestAlerts.typical()).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(peer.requests()).extracting(ScriptedPeer.Request::method).containsExactly("GET", "POST");
    }

    @Test
    void dataCenterPostsWikiMarkupWithAPersonalAccessToken() throws Exception {
        started(dataCenter(peer.url("/jira/"), "pat-123", null, null));
        peer.reply(201, "{\"id\":\"1\",\"key\":\"SEC-2\"}");
        Alert a = TestAlerts.typical(AlertSeverity.LOW);
        assertThat(sink.deliver(a).outcome()).isEqualTo(Outcome.DELIVERED);
        ScriptedPeer.Request r = peer.only();
        assertThat(r.path()).isEqualTo("/jira/rest/api/2/issue");
        assertThat(r.header("Authorization")).isEqualTo("Bearer pat-123");
        JsonNode f = r.json().path("fields");
        assertThat(f.path("issuetype").path("name").asText()).isEqualTo("Bug");
        assertThat(f.has("priority")).isFalse();
        assertThat(texts(f.path("labels"))).containsExactly("siem", "quietwatch", "qw-" + a.id());
        String description = f.path("description").asText();
        assertThat(description).startsWith("*Reason:* 10.0.0.5 made 12 allowed connections")
                .contains("||Field||Value||\n", "|Detection|uncommon\\-port|\n", "|Destination|203.0.113.9\\:4444|\n",
                        "*Evidence*\n{noformat}\n<166>May 01 2024 10:00:00 fw1 %ASA-6-302013")
                .endsWith("{noformat}\n");
    }

    @Test
    void dataCenterBasicCredentials() throws Exception {
        started(dataCenter(peer.url(""), null, "svc-quietwatch", "pw"));
        peer.reply(201, "{}");
        sink.deliver(TestAlerts.typical());
        assertThat(basicUser(peer.only())).isEqualTo("svc-quietwatch:pw");
    }

    @Test
    void classifiesScriptedFailures() throws Exception {
        started(cloud(peer.url(""), false));
        FailureScript.run(peer, sink, TestAlerts.typical(), 201);
        assertThat(peer.requests()).extracting(ScriptedPeer.Request::path).containsOnly("/rest/api/3/issue");
    }

    @Test
    void hostileTextIsAdfTextNeverAHeader() throws Exception {
        started(cloud(peer.url(""), true));
        peer.reply(200, "{\"issues\":[]}").reply(201, "{}");
        Alert a = TestAlerts.hostile();
        sink.deliver(a);
        for (ScriptedPeer.Request r : peer.requests()) {
            for (String h : TestAlerts.INJECTED_HEADERS) {
                assertThat(r.header(h)).as(h).isNull();
            }
        }
        JsonNode f = peer.requests().get(1).json().path("fields");
        assertThat(f.path("summary").asText()).doesNotContain("\r", "\n").contains(TestAlerts.JNDI, "<b>tool</b>");
        JsonNode table = f.path("description").path("content").get(1);
        assertThat(row(table, "Host")).doesNotContain("\r", "\n").contains("X-Injected: yes", TestAlerts.JNDI);
        assertThat(row(table, "User")).startsWith(TestAlerts.JNDI);
        assertThat(texts(f.path("labels")).get(1)).matches("qw-[0-9a-f]{32}");
        assertThat(peer.requests().get(0).query("jql")).doesNotContain("jndi", "\r");
    }

    @Test
    void hostileTextIsEscapedWikiMarkup() throws Exception {
        started(dataCenter(peer.url(""), "pat", null, null));
        peer.reply(201, "{}");
        sink.deliver(TestAlerts.hostile());
        String d = peer.only().json().path("fields").path("description").asText();
        assertThat(d).contains("\\{color\\:red\\}x\\{color\\}", "\\|\\|wiki\\|\\|", "$\\{jndi\\:ldap\\://x/a\\}",
                "<script>alert\\(1)</script>");
        assertThat(d.split("\\{noformat}", -1)).hasSize(3);
        assertThat(d).contains("\\x7bnoformat}{code}```");
        for (String line : d.split("\n")) {
            assertThat(line).doesNotStartWith("h1.").doesNotStartWith("#").doesNotContain("\r");
        }
    }

    @Test
    void refusesToStartListingEveryProblem() {
        JiraSinkConfig c = new JiraSinkConfig("j", "server", "http://jira", "1SEC", " ", List.of("has space"),
                Map.of("urgent", "P1"), null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(c.problems()).containsExactly(
                "flavour: 'server' is not one of cloud, datacenter",
                "project_key: must be a project key such as SEC (letters, digits, underscores, starting with a letter)",
                "issue_type: must be an issue type name such as Task",
                "labels: 'has space' is not a label (1-255 characters, no spaces)",
                "priorities: 'urgent' is not one of low, medium, high, critical");
        assertThat(cloud("https://x.atlassian.net", null).problems()).isEmpty();
        JiraSinkConfig noCreds = new JiraSinkConfig(null, null, "https://x.atlassian.net", "SEC", null, null, null, null,
                null, null, null, "pat", null, null, null, null, null, null, null, null, null);
        assertThat(noCreds.problems()).containsExactly(
                "email: is required for Jira Cloud (with api_token)",
                "api_token: is required for Jira Cloud (or api_token_file, api_token_env)",
                "flavour: personal_access_token, username and password are for datacenter; Jira Cloud uses email and api_token");
        assertThat(dataCenter("https://jira", "pat", "u", "p").problems()).containsExactly(
                "personal_access_token: give either personal_access_token or username and password, not both");
        assertThat(dataCenter("https://jira", null, null, null).problems()).containsExactly(
                "personal_access_token: is required for Data Center (or username and password)");
        sink = new JiraSink(c, SecretSource.system(home), CLOCK);
        assertThatThrownBy(sink::start).isInstanceOf(SinkException.class)
                .satisfies(e -> assertThat(((SinkException) e).problems()).hasSize(5));
    }

    @Test
    void defaultsAndMasking() {
        JiraSinkConfig c = new JiraSinkConfig(null, null, "https://x.atlassian.net", "SEC", null, null, null,
                "a@b.c", "tok-s3cr3t", null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(c.name()).isEqualTo("jira");
        assertThat(c.flavour()).isEqualTo("cloud");
        assertThat(c.issueType()).isEqualTo("Task");
        assertThat(c.labels()).containsExactly("quietwatch");
        assertThat(c.dedupeSearch()).isTrue();
        assertThat(c.toString()).doesNotContain("s3cr3t").contains("api_token=****");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The value cell of the table row whose header is {@code label}. */
    private static String row(JsonNode table, String label) {
        for (JsonNode r : table.path("content")) {
            JsonNode cells = r.path("content");
            if (cells.get(0).path("type").asText().equals("tableHeader")
                    && cells.get(0).path("content").get(0).path("content").get(0).path("text").asText().equals(label)) {
                assertThat(cells.get(1).path("type").asText()).isEqualTo("tableCell");
                return cells.get(1).path("content").get(0).path("content").get(0).path("text").asText();
            }
        }
        throw new AssertionError("no row " + label);
    }
}
