package io.quietwatch.alert.sink.servicenow;

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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceNowSinkTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:31:05Z"), ZoneOffset.UTC);

    @TempDir
    Path home;
    private ScriptedPeer peer;
    private ServiceNowSink sink;

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

    private ServiceNowSinkConfig basic(Boolean dedupe) throws Exception {
        Files.writeString(home.resolve("snow.pw"), "sn0w-pw\n");
        return new ServiceNowSinkConfig("snow", peer.url(""), null, "qw.integration", null, "snow.pw", null,
                null, null, null, "abc123callersysid", "Security Operations", "security", dedupe, 1, 1);
    }

    private ServiceNowSink started(ServiceNowSinkConfig c) throws SinkException {
        sink = new ServiceNowSink(c, SecretSource.system(home), CLOCK);
        sink.start();
        return sink;
    }

    @Test
    void searchesByCorrelationIdThenInsertsAnIncident() throws Exception {
        started(basic(null));
        peer.reply(200, "{\"result\":[]}").reply(201, "{\"result\":{\"sys_id\":\"s1\",\"number\":\"INC0010001\"}}");
        Alert a = TestAlerts.typical();

        Delivery d = sink.deliver(a);

        assertThat(d.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(d.status()).isEqualTo(201);
        List<ScriptedPeer.Request> rs = peer.requests();
        assertThat(rs).hasSize(2);
        ScriptedPeer.Request search = rs.get(0);
        assertThat(search.method()).isEqualTo("GET");
        assertThat(search.path()).isEqualTo("/api/now/table/incident");
        assertThat(search.query("sysparm_query")).isEqualTo("correlation_id=" + a.id());
        assertThat(search.query("sysparm_limit")).isEqualTo("1");
        ScriptedPeer.Request insert = rs.get(1);
        assertThat(insert.method()).isEqualTo("POST");
        assertThat(insert.path()).isEqualTo("/api/now/table/incident");
        for (ScriptedPeer.Request r : rs) {
            assertThat(new String(Base64.getDecoder().decode(r.header("Authorization").substring(6)), StandardCharsets.UTF_8))
                    .isEqualTo("qw.integration:sn0w-pw");
            assertThat(r.header("Accept")).isEqualTo("application/json");
        }
        JsonNode j = insert.json();
        assertThat(j.path("short_description").asText()).isEqualTo("Uncommon port 4444/tcp used by 10.0.0.5");
        assertThat(j.path("urgency").asText()).isEqualTo("1");
        assertThat(j.path("impact").asText()).isEqualTo("2");
        assertThat(j.path("correlation_id").asText()).isEqualTo(a.id());
        assertThat(j.path("correlation_display").asText()).isEqualTo("QuietWatch");
        assertThat(j.path("caller_id").asText()).isEqualTo("abc123callersysid");
        assertThat(j.path("assignment_group").asText()).isEqualTo("Security Operations");
        assertThat(j.path("category").asText()).isEqualTo("security");
        assertThat(j.path("description").asText())
                .startsWith("10.0.0.5 made 12 allowed connections to port 4444, which no other host uses.\n\n")
                .contains("Host: 10.0.0.5\n", "User: alice\n", "Destination: 203.0.113.9:4444\n",
                        "Last seen: 2024-05-01T10:30:00Z\n", "Count: 12\n", "\nEvidence:\n<166>May 01 2024");
    }

    @Test
    void anExistingRecordCountsAsDelivered() throws Exception {
        started(basic(true));
        peer.reply(200, "{\"result\":[{\"sys_id\":\"s1\",\"number\":\"INC0010001\"}]}");
        Delivery d = sink.deliver(TestAlerts.typical());
        assertThat(d.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(d.reason()).contains("INC0010001");
        assertThat(peer.requests()).hasSize(1);
    }

    @Test
    void aBearerTokenAndAnotherTableWithoutSearch() throws Exception {
        started(new ServiceNowSinkConfig(null, peer.url("/"), "sn_si_incident", null, null, null, null, "oauth-tok",
                null, null, null, null, null, false, 1, 1));
        peer.reply(201, "{}");
        sink.deliver(TestAlerts.typical());
        ScriptedPeer.Request r = peer.only();
        assertThat(r.path()).isEqualTo("/api/now/table/sn_si_incident");
        assertThat(r.header("Authorization")).isEqualTo("Bearer oauth-tok");
        assertThat(r.json().has("caller_id")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"CRITICAL,1,1", "HIGH,1,2", "MEDIUM,2,2", "LOW,3,2"})
    void mapsSeverityToUrgencyAndImpact(AlertSeverity s, String urgency, String impact) throws Exception {
        started(basic(false));
        peer.reply(201, "{}");
        sink.deliver(TestAlerts.typical(s));
        JsonNode j = peer.only().json();
        assertThat(j.path("urgency").asText()).isEqualTo(urgency);
        assertThat(j.path("impact").asText()).isEqualTo(impact);
    }

    @Test
    void classifiesScriptedFailures() throws Exception {
        started(basic(false));
        FailureScript.run(peer, sink, TestAlerts.typical(), 201);
    }

    @Test
    void hostileTextIsFieldTextNeverAHeader() throws Exception {
        started(basic(true));
        peer.reply(200, "{\"result\":[]}").reply(201, "{}");
        Alert a = TestAlerts.hostile();
        sink.deliver(a);
        for (ScriptedPeer.Request r : peer.requests()) {
            for (String h : TestAlerts.INJECTED_HEADERS) {
                assertThat(r.header(h)).as(h).isNull();
            }
        }
        assertThat(peer.requests().get(0).query("sysparm_query")).isEqualTo("correlation_id=" + a.id());
        JsonNode j = peer.requests().get(1).json();
        assertThat(j.path("short_description").asText()).doesNotContain("\r", "\n").contains(TestAlerts.JNDI);
        String description = j.path("description").asText();
        assertThat(description).doesNotContain("\r").contains("User: " + TestAlerts.JNDI + " X-Injected: yes Set-Cookie: a=b\n");
        assertThat(description.lines().filter(l -> l.startsWith("X-Injected"))).isEmpty();
    }

    @Test
    void configProblemsAndMasking() {
        ServiceNowSinkConfig bad = new ServiceNowSinkConfig(null, "http://", "incident;drop", "a:b", null, null, null,
                null, null, null, null, null, null, null, null, null);
        assertThat(bad.problems()).containsExactly(
                "instance_url: 'http://' is not a URL (Expected authority)",
                "table: 'incident;drop' is not a table name (lower-case letters, digits, underscores)",
                "password: is required with username",
                "username: must not contain ':' or control characters");
        ServiceNowSinkConfig none = new ServiceNowSinkConfig(null, "https://x.service-now.com", null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        assertThat(none.problems()).containsExactly("username: username and password (or bearer_token) are required");
        ServiceNowSinkConfig ok = new ServiceNowSinkConfig(null, "https://x.service-now.com", null, "u", "pw-s3cr3t",
                null, null, null, null, null, null, null, null, null, null, null);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.toString()).doesNotContain("s3cr3t").contains("password=****", "table=incident", "dedupe_search=true");
        sink = new ServiceNowSink(bad, SecretSource.system(home), CLOCK);
        assertThatThrownBy(sink::start).isInstanceOf(SinkException.class).hasMessageContaining("instance_url");
    }
}
