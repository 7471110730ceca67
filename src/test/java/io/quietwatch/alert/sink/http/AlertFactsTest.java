package io.quietwatch.alert.sink.http;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertFactsTest {
    private static Alert alert(String host, String destination, Integer port, List<LogEvent> evidence) {
        return new Alert("id1", "nat-device", null, AlertSeverity.MEDIUM, null, 0, 0, 60_000, 3, host, null,
                destination, port, null, evidence, Map.of("estimated_hosts", 3));
    }

    @Test
    void factsInOrderWithoutEmptyOnes() {
        Alert a = alert("10.0.0.9", "2001:db8::1", 443, List.of());
        assertThat(AlertFacts.of(a)).extracting(AlertFacts.Fact::label).containsExactly(
                "Detection", "Severity", "Host", "Destination", "First seen", "Last seen", "Count", "Alert id", "estimated_hosts");
        assertThat(AlertFacts.destination(a)).isEqualTo("[2001:db8::1]:443");
        assertThat(AlertFacts.destination(alert(null, null, 53, List.of()))).isEqualTo("port 53");
        assertThat(AlertFacts.title(a, 100)).isEqualTo("nat-device");
    }

    @Test
    void evidenceIsTheOriginalLineOrTheEventJsonOneLineEachAndCapped() {
        LogEvent noLine = LogEvent.builder().timestamp(0).sourceIp("10.0.0.1").build(InternalNetworks.defaults());
        LogEvent twoLines = LogEvent.builder().timestamp(1).original("first\nsecond\u0007").build(InternalNetworks.defaults());
        List<String> lines = AlertFacts.evidenceLines(alert(null, null, null, List.of(noLine, twoLines)));
        assertThat(lines).containsExactly(
                "{\"@timestamp\":\"1970-01-01T00:00:00Z\",\"event\":{},\"source\":{\"ip\":\"10.0.0.1\"},\"host\":{\"ip\":\"10.0.0.1\"}}",
                "first\\x0asecond\\x07");
        List<LogEvent> many = Collections.nCopies(50, twoLines);
        assertThat(AlertFacts.evidenceLines(alert(null, null, null, many))).hasSize(AlertFacts.MAX_EVIDENCE_LINES);
    }

    @Test
    void sourceHostFallsBackToTheDeviceThenQuietwatch() {
        LogEvent fromFw = LogEvent.builder().timestamp(0).observerHostname("fw2").build(InternalNetworks.defaults());
        assertThat(AlertFacts.sourceHost(alert("10.0.0.9", null, null, List.of(fromFw)))).isEqualTo("10.0.0.9");
        assertThat(AlertFacts.sourceHost(alert(null, null, null, List.of(fromFw)))).isEqualTo("fw2");
        assertThat(AlertFacts.sourceHost(alert(" ", null, null, List.of()))).isEqualTo("quietwatch");
    }
}
