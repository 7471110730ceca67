package io.quietwatch.alert.sink.thehive;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TheHiveSinkTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:31:05Z"), ZoneOffset.UTC);

    @TempDir
    Path home;
    private ScriptedPeer peer;
    private TheHiveSink sink;

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

    private TheHiveSink started(String organisation) throws SinkException {
        sink = new TheHiveSink(new TheHiveSinkConfig("hive", peer.url("/thehive"), null, null, "HIVE_KEY", organisation,
                List.of("quietwatch", "network"), null, 3, "Network incident", 1, 1),
                new SecretSource(home, Map.of("HIVE_KEY", "hive-api-key")::get), CLOCK);
        sink.start();
        return sink;
    }

    @Test
    void filesAnAlertWithObservables() throws Exception {
        started("SOC");
        peer.reply(201, "{\"_id\":\"~123\",\"status\":\"New\"}");
        Alert a = TestAlerts.typical();

        Delivery d = sink.deliver(a);

        assertThat(d.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(d.status()).isEqualTo(201);
        ScriptedPeer.Request r = peer.only();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/thehive/api/v1/alert");
        assertThat(r.header("Authorization")).isEqualTo("Bearer hive-api-key");
        assertThat(r.header("X-Organisation")).isEqualTo("SOC");
        JsonNode j = r.json();
        assertThat(j.path("type").asText()).isEqualTo("uncommon-port");
        assertThat(j.path("source").asText()).isEqualTo("QuietWatch");
        assertThat(j.path("sourceRef").asText()).isEqualTo(a.id());
        assertThat(j.path("title").asText()).isEqualTo("Uncommon port 4444/tcp used by 10.0.0.5");
        assertThat(j.path("severity").asInt()).isEqualTo(3);
        assertThat(j.path("date").asLong()).isEqualTo(TestAlerts.RAISED);
        assertThat(texts(j.path("tags"))).containsExactly("quietwatch", "network", "uncommon-port");
        assertThat(j.path("tlp").asInt()).isEqualTo(2);
        assertThat(j.path("pap").asInt()).isEqualTo(3);
        assertThat(j.path("caseTemplate").asText()).isEqualTo("Network incident");
        assertThat(j.path("description").asText())
                .startsWith("**Reason:** 10\\.0\\.0\\.5 made 12 allowed connections to port 4444\\, which no other host uses\\.\n\n")
                .contains("| Field | Value |\n|---|---|\n", "| Host | 10\\.0\\.0\\.5 |\n", "| Destination | 203\\.0\\.113\\.9\\:4444 |\n",
                        "**Evidence**\n\n```text\n<166>May 01 2024 10:00:00 fw1 %ASA-6-302013")
                .endsWith("\n```\n");
        List<String> observables = new ArrayList<>();
        j.path("observables").forEach(o -> observables.add(o.path("dataType").asText() + " " + o.path("data").asText()));
        assertThat(observables).containsExactly("ip 10.0.0.5", "ip 203.0.113.9", "other alice", "ip 198.51.100.7",
                "url http://dl.example.net/tool.exe", "domain dl.example.net", "user-agent curl/8.0", "filename tool.exe");
        assertThat(j.path("observables").get(0).path("tags").get(0).asText()).isEqualTo("host");
    }

    @ParameterizedTest
    @CsvSource({"LOW,1", "MEDIUM,2", "HIGH,3", "CRITICAL,4"})
    void mapsSeverity(AlertSeverity s, int expected) throws Exception {
        started(null);
        peer.reply(201, "{}");
        sink.deliver(TestAlerts.typical(s));
        assertThat(peer.only().json().path("severity").asInt()).isEqualTo(expected);
        assertThat(peer.only().header("X-Organisation")).isNull();
    }

    @Test
    void theDuplicateRefusalMeansAnEarlierAttemptGotThrough() throws Exception {
        started(null);
        Alert a = TestAlerts.typical();
        peer.reply(400, "{\"type\":\"CreateError\",\"message\":\"Alert uncommon-port:QuietWatch:" + a.id()
                        + " already exist in organisation SOC\"}")
                .reply(400, "{\"type\":\"CreateError\",\"message\":\"Observable already exists\"}")
                .reply(400, "{\"type\":\"AttributeCheckingError\",\"message\":\"Invalid format for severity\"}");
        Delivery dup = sink.deliver(a);
        assertThat(dup.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.reason()).contains("already exist");
        assertThat(sink.deliver(a).outcome()).isEqualTo(Outcome.REJECTED);
        Delivery other = sink.deliver(a);
        assertThat(other.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(other.reason()).contains("HTTP 400", "Invalid format for severity");
    }

    @Test
    void classifiesScriptedFailures() throws Exception {
        started(null);
        FailureScript.run(peer, sink, TestAlerts.typical(), 201);
    }

    @Test
    void hostileTextIsEscapedMarkdownAndNeverAHeader() throws Exception {
        started(null);
        peer.reply(201, "{}");
        Alert a = TestAlerts.hostile();
        sink.deliver(a);
        ScriptedPeer.Request r = peer.only();
        for (String h : TestAlerts.INJECTED_HEADERS) {
            assertThat(r.header(h)).as(h).isNull();
        }
        JsonNode j = r.json();
        assertThat(j.path("title").asText()).doesNotContain("\r", "\n").contains(TestAlerts.JNDI);
        String d = j.path("description").asText();
        assertThat(d).contains("\\<script\\>alert\\(1\\)\\<\\/script\\>", "\\$\\{jndi\\:ldap\\:\\/\\/x\\/a\\}",
                "\\| \\|\\|wiki\\|\\|", "\\{color\\:red\\}");
        // inside the code block the evidence is literal
        assertThat(d).contains("``` | *bold* [link|http://x] <b>\n````\n");
        assertThat(d).doesNotContain("<script>", "\r");
        // the evidence holds ``` so the fence is four backticks, and the only lines that are fences are ours
        assertThat(d).contains("````text\n");
        assertThat(d.lines().filter(l -> l.startsWith("```"))).containsExactly("````text", "````");
        List<String> observables = new ArrayList<>();
        j.path("observables").forEach(o -> observables.add(o.path("dataType").asText() + " " + o.path("data").asText()));
        // the hostile host is not an address: it is left out of the ip observables; the rest is data, as sent
        assertThat(observables).containsExactly("ip 198.51.100.7", "other " + a.userName(),
                "url " + a.evidence().get(0).url(), "domain " + a.evidence().get(0).urlDomain(),
                "user-agent " + a.evidence().get(0).userAgent(), "other " + a.evidence().get(0).userName());
    }

    @Test
    void configProblemsAndMasking() {
        TheHiveSinkConfig bad = new TheHiveSinkConfig(null, null, null, null, null, "SOC\r\nX-Evil: 1", List.of(" "),
                5, -1, " ", null, null);
        assertThat(bad.problems()).containsExactly(
                "url: is required",
                "api_key: is required (or api_key_file, api_key_env)",
                "organisation: must be an organisation name on one line",
                "tags: a tag must not be empty",
                "tlp: must be between 0 (clear) and 4 (red)",
                "pap: must be between 0 (clear) and 3 (red)",
                "case_template: must not be empty");
        TheHiveSinkConfig ok = new TheHiveSinkConfig(null, "https://hive", "key-s3cr3t", null, null, null, null, null,
                null, null, null, null);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.tags()).containsExactly("quietwatch");
        assertThat(ok.toString()).doesNotContain("s3cr3t").contains("api_key=****", "tlp=2");
        sink = new TheHiveSink(bad, SecretSource.system(home), CLOCK);
        assertThatThrownBy(sink::start).isInstanceOf(SinkException.class)
                .satisfies(e -> assertThat(((SinkException) e).problems()).hasSize(7));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
