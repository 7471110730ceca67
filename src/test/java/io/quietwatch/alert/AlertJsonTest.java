package io.quietwatch.alert;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertJsonTest {
    @Test
    void anAlertWithFullEvidenceSurvivesTheRoundTrip() {
        LogEvent e = LogEvent.builder().timestamp(1_764_150_000_123L).observerVendor("Cisco").observerProduct("ASA")
                .observerHostname("fw1").format("cisco-asa").eventCode("302014").category("network").action("teardown")
                .outcome("allowed").phase("end").reason("TCP FINs").sourceIp("10.0.0.5").sourcePort(51234)
                .destinationIp("203.0.113.7").destinationPort(443).sourceNatIp("198.51.100.1").sourceNatPort(40000)
                .destinationNatIp("203.0.113.8").destinationNatPort(8443).transport("tcp").durationNanos(7_200_000_000_000L)
                .sourceBytes(10L).destinationBytes(20L).networkPackets(3L).ipTtl(63).ipId(4242).tcpFlags("SYN ACK")
                .icmpType(8).icmpCode(0).ingressInterface("inside").egressInterface("outside").ruleName("acl-in")
                .url("http://x.example/a.exe").urlDomain("x.example").httpMethod("GET").httpStatus(200)
                .mimeType("application/x-msdownload").userAgent("curl/8").fileName("a.exe").userName("jdoe")
                .assignedIp("10.8.0.6").connectionId("4242").original("<166>... \"quoted\" \u0000 line")
                .build(InternalNetworks.defaults());
        Alert a = new Alert("0123456789abcdef0123456789abcdef", "http-tunnel", "http-tunnel-closed", AlertSeverity.HIGH,
                "title ${jndi:ldap://x}", 1_764_150_000_000L, 1_764_140_000_000L, 1_764_150_000_000L, 3, "10.0.0.5", "jdoe",
                "203.0.113.7", 443, "reason\r\nline", List.of(e), Map.of("durationSeconds", 7200, "stillOpen", false),
                List.of("team=soc"), 2);
        Alert back = AlertJson.read(AlertJson.toJson(a));
        assertThat(back.evidence()).containsExactly(e);
        assertThat(back).usingRecursiveComparison().ignoringFields("details").isEqualTo(a);
        assertThat(back.details()).containsEntry("durationSeconds", 7200).containsEntry("stillOpen", false);
        assertThat(back.deliveryKey()).isEqualTo("0123456789abcdef0123456789abcdef-r2");
    }
}
