package io.quietwatch.alert.sink.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.AlertSink.Delivery;
import io.quietwatch.alert.AlertSink.Outcome;
import io.quietwatch.alert.SinkException;
import io.quietwatch.alert.sink.http.AlertText;
import io.quietwatch.alert.sink.http.FailureScript;
import io.quietwatch.alert.sink.http.ScriptedPeer;
import io.quietwatch.alert.sink.http.SecretSource;
import io.quietwatch.alert.sink.http.TestAlerts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagerDutySinkTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:31:05Z"), ZoneOffset.UTC);
    private static final String KEY = "R0UT1NGKEY0123456789abcdefABCDEF";

    @TempDir
    Path home;
    private ScriptedPeer peer;
    private PagerDutySink sink;

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

    private PagerDutySink started(String clientUrl) throws Exception {
        Files.writeString(home.resolve("pd.key"), KEY + "\n");
        sink = new PagerDutySink(new PagerDutySinkConfig("pd", peer.url("/v2/enqueue"), null, "pd.key", null,
                "branch-7", clientUrl, 1, 1), SecretSource.system(home), CLOCK);
        sink.start();
        return sink;
    }

    @Test
    void triggersAnEventWithTheAlertIdAsDedupKey() throws Exception {
        started("https://quietwatch.example/alerts");
        peer.reply(202, "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"x\"}");
        Alert a = TestAlerts.typical();

        Delivery d = sink.deliver(a);

        assertThat(d.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(d.status()).isEqualTo(202);
        ScriptedPeer.Request r = peer.only();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v2/enqueue");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("Authorization")).isNull();
        JsonNode e = r.json();
        assertThat(e.path("routing_key").asText()).isEqualTo(KEY);
        assertThat(e.path("event_action").asText()).isEqualTo("trigger");
        assertThat(e.path("dedup_key").asText()).isEqualTo(a.id());
        assertThat(e.path("client").asText()).isEqualTo("QuietWatch");
        assertThat(e.path("client_url").asText()).isEqualTo("https://quietwatch.example/alerts");
        JsonNode p = e.path("payload");
        assertThat(p.path("summary").asText()).isEqualTo("Uncommon port 4444/tcp used by 10.0.0.5");
        assertThat(p.path("source").asText()).isEqualTo("10.0.0.5");
        assertThat(p.path("severity").asText()).isEqualTo("error");
        assertThat(p.path("timestamp").asText()).isEqualTo("2024-05-01T10:31:00Z");
        assertThat(p.path("component").asText()).isEqualTo("uncommon_port_new");
        assertThat(p.path("group").asText()).isEqualTo("branch-7");
        assertThat(p.path("class").asText()).isEqualTo("uncommon-port");
        JsonNode c = p.path("custom_details");
        assertThat(c.path("reason").asText()).startsWith("10.0.0.5 made 12 allowed connections");
        assertThat(c.path("first_seen").asText()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(c.path("last_seen").asText()).isEqualTo("2024-05-01T10:30:00Z");
        assertThat(c.path("count").asLong()).isEqualTo(12);
        assertThat(c.path("destination").asText()).isEqualTo("203.0.113.9:4444");
        assertThat(c.path("user_name").asText()).isEqualTo("alice");
        assertThat(c.path("details").path("connections").asInt()).isEqualTo(12);
        assertThat(c.path("evidence")).hasSize(2);
        assertThat(c.path("evidence").get(0).asText()).contains("%ASA-6-302013");
    }

    @ParameterizedTest
    @CsvSource({"CRITICAL,critical", "HIGH,error", "MEDIUM,warning", "LOW,info"})
    void mapsSeverities(AlertSeverity severity, String expected) throws Exception {
        started(null);
        peer.reply(202, "{}");
        sink.deliver(TestAlerts.typical(severity));
        assertThat(peer.only().json().path("payload").path("severity").asText()).isEqualTo(expected);
        assertThat(peer.only().json().has("client_url")).isFalse();
    }

    @Test
    void longTitlesAreCutTo1024AndHostlessAlertsNameTheDevice() throws Exception {
        started(null);
        peer.reply(202, "{}");
        Alert t = TestAlerts.typical();
        Alert a = new Alert(t.id(), t.detection(), null, t.severity(), "x".repeat(3000), t.timestamp(), t.firstSeen(),
                t.lastSeen(), t.count(), null, null, null, null, null, t.evidence(), Map.of());
        sink.deliver(a);
        JsonNode p = peer.only().json().path("payload");
        assertThat(p.path("summary").asText()).hasSize(1024).endsWith(AlertText.ELLIPSIS);
        assertThat(p.path("source").asText()).isEqualTo("fw1");
        assertThat(p.has("component")).isFalse();
    }

    @Test
    void classifiesScriptedFailures() throws Exception {
        started(null);
        FailureScript.run(peer, sink, TestAlerts.typical(), 202);
    }

    @Test
    void hostileAlertTextStaysInsideTheJsonBody() throws Exception {
        started(null);
        peer.reply(202, "{}");
        Alert a = TestAlerts.hostile();
        sink.deliver(a);
        ScriptedPeer.Request r = peer.only();
        for (String h : TestAlerts.INJECTED_HEADERS) {
            assertThat(r.header(h)).as(h).isNull();
        }
        JsonNode p = r.json().path("payload");
        assertThat(p.path("summary").asText()).doesNotContain("\r", "\n").contains(TestAlerts.JNDI, "<b>tool</b>");
        assertThat(p.path("source").asText()).doesNotContain("\r", "\n").contains(TestAlerts.JNDI);
        assertThat(p.path("custom_details").path("user_name").asText()).isEqualTo(a.userName());
        assertThat(p.path("custom_details").path("evidence").get(0).asText()).doesNotContain("\r", "\n")
                .contains("\\x0d\\x0aX-Injected");
    }

    @Test
    void configProblemsAndMasking() {
        PagerDutySinkConfig bad = new PagerDutySinkConfig(null, "not a url", null, null, null, null, "javascript:x", null, 0);
        assertThat(bad.problems()).containsExactly(
                "url: 'not a url' is not a URL (Illegal character in path)",
                "routing_key: is required (or routing_key_file, routing_key_env)",
                "client_url: must start with https:// or http://",
                "request_timeout_seconds: must be between 1 and 300");
        PagerDutySinkConfig ok = new PagerDutySinkConfig(null, null, KEY, null, null, null, null, null, null);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.name()).isEqualTo("pagerduty");
        assertThat(ok.url()).isEqualTo("https://events.pagerduty.com/v2/enqueue");
        assertThat(ok.toString()).doesNotContain(KEY).contains("routing_key=****");
        sink = new PagerDutySink(bad, SecretSource.system(home), CLOCK);
        assertThatThrownBy(sink::start).isInstanceOf(SinkException.class).hasMessageContaining("routing_key: is required");
        assertThat(List.of(sink.deliver(TestAlerts.typical()).outcome())).containsExactly(Outcome.RETRY_LATER);
    }
}
