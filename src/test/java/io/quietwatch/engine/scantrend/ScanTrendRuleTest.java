package io.quietwatch.engine.scantrend;

import com.espertech.esper.common.client.EventBean;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.engine.RuleEngine;
import io.quietwatch.engine.list.ListEntry;
import io.quietwatch.engine.list.ListStore;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The scan-trend rule (epl-rules/scan-trend.epl) alone on the external clock. */
class ScanTrendRuleTest {
    private static final InternalNetworks NETS = InternalNetworks.defaults();
    private static final long T0 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;
    private static final String FIREWALL = "192.0.2.10";

    @TempDir
    Path dir;
    private final List<Alert> alerts = new ArrayList<>();
    private final ListStore lists = new ListStore(null, "lists");
    private RuleEngine engine;
    private int sourceSeq;

    @BeforeEach
    void load() throws IOException {
        Files.copy(Path.of("epl-rules/scan-trend.epl"), dir.resolve("scan-trend.epl"));
        engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, alerts::add, lists);
        // these cases test the z-score logic on small counts: the materiality guard is off here and
        // has its own test below
        RuleEngine.LoadProblems problems = engine.load(dir, "rules",
                Map.of("scan_trend_min_ratio", 1.0, "scan_trend_min_increase", 0.0));
        assertThat(problems.rules()).isEmpty();
        assertThat(problems.variables()).isEmpty();
    }

    @Test
    void withTheDefaultsOnlyAMaterialChangeCounts() {
        engine.close();
        alerts.clear();
        engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, alerts::add, lists);
        assertThat(engine.load(dir, "rules", Map.of()).isEmpty()).isTrue();
        // a busy port alternating 100 and 120 packets an hour: 150 is z = 4 but not twice the mean
        for (int h = 0; h < 30; h++) {
            hour(h, 445, h % 2 == 0 ? 100 : 120, 20);
        }
        hour(30, 445, 150, 40);
        hour(31, 445, 110, 20);
        assertThat(alerts).isEmpty();
        // then it triples: material
        hour(32, 445, 330, 60);
        hour(33, 445, 110, 20);
        assertThat(alerts).extracting(Alert::detection).containsExactly("scan-trend");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    /** A denied packet from the Internet to the firewall's public address (netfilter INPUT chain). */
    private static LogEvent deny(long t, String src, String transport, int port) {
        return LogEvent.builder().timestamp(t).observerHostname("gw1").category("network").action("block")
                .outcome("denied").transport(transport).sourceIp(src).sourcePort(40000).destinationIp(FIREWALL)
                .destinationPort(port).ingressInterface("eth0").build(NETS);
    }

    private String nextSource() {
        int n = sourceSeq++;
        return (11 + n / 65536 % 180) + "." + (n / 256 % 256) + "." + (n % 256) + ".7";
    }

    /** {@code packets} packets to the port within hour {@code h}, from {@code sources} distinct sources. */
    private void hour(int h, int port, int packets, int sources) {
        hour(h, port, packets, sources, null);
    }

    /** The same, with sources {@code prefix + 1}, {@code prefix + 2}, ... when a prefix is given. */
    private void hour(int h, int port, int packets, int sources, String prefix) {
        List<String> src = new ArrayList<>();
        for (int i = 0; i < sources; i++) {
            src.add(prefix == null ? nextSource() : prefix + (i + 1));
        }
        for (int i = 0; i < packets; i++) {
            long t = T0 + h * HOUR + 60_000L + i * (3_000_000L / Math.max(1, packets));
            engine.send(deny(t, src.get(i % sources), "tcp", port));
        }
    }

    private void tickTo(int h) {
        engine.advanceTo(T0 + h * HOUR + 120_000L);
    }

    private List<Map<String, Object>> series(String where) {
        var q = engine.compileQuery("select * from ScanTrendSeries " + where);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EventBean b : engine.runtime().getFireAndForgetService().executeQuery(q).getArray()) {
            Map<String, Object> m = new java.util.HashMap<>();
            for (String p : b.getEventType().getPropertyNames()) {
                m.put(p, b.get(p));
            }
            rows.add(m);
        }
        return rows;
    }

    @Test
    void hoursAreWrittenToTheSeries() {
        hour(0, 23, 10, 4);
        hour(1, 23, 3, 3);
        tickTo(2);
        assertThat(series("where port = 23 order by hourStart"))
                .extracting(m -> m.get("packets"), m -> m.get("sources"), m -> m.get("rank"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10L, 4L, 1), org.assertj.core.groups.Tuple.tuple(3L, 3L, 1));
    }

    /** Port 22 at a steady 10 packets from 5 sources an hour, hours {@code from} to {@code to} (exclusive). */
    private void background(int from, int to) {
        for (int h = from; h < to; h++) {
            hour(h, 22, 10, 5);
        }
    }

    private List<Alert> alerts(String rule) {
        return alerts.stream().filter(a -> a.rule().equals(rule)).toList();
    }

    @Test
    void aQuietPortThatBurstsIsOneHighAlertWithoutAHost() {
        background(0, 31);
        hour(30, 23, 60, 30);
        tickTo(31);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.detection()).isEqualTo("scan-trend");
            assertThat(a.rule()).isEqualTo("scan-trend-surge");
            assertThat(a.severity()).isEqualTo(AlertSeverity.HIGH);
            assertThat(a.hostIp()).isNull();
            assertThat(a.destinationIp()).isEqualTo(FIREWALL);
            assertThat(a.destinationPort()).isEqualTo(23);
            assertThat(a.count()).isEqualTo(60);
            assertThat(a.title()).isEqualTo("Inbound scan surge on 23/tcp");
            assertThat(a.reason()).isEqualTo("Inbound denied packets to 23/tcp: 60 from 30 sources this hour, "
                    + "none in the previous 30 hours (z = 60.0).");
            assertThat(a.details()).containsEntry("transport", "tcp").containsEntry("port", 23)
                    .containsEntry("packets", 60L).containsEntry("sources", 30L).containsEntry("mean", 0.0)
                    .containsEntry("sigma", 0.0).containsEntry("z", 60.0).containsEntry("rank", 1)
                    .containsEntry("baselineHours", 30L).containsEntry("hourStart", T0 + 30 * HOUR);
            assertThat(a.evidence()).hasSize(3).allSatisfy(e -> assertThat(e.destinationPort()).isEqualTo(23));
            assertThat(a.firstSeen()).isEqualTo(T0 + 30 * HOUR + 60_000L);
        });
    }

    @Test
    void aPortThatIsAlwaysBusyRaisesNothing() {
        for (int h = 0; h < 60; h++) {
            hour(h, 22, h % 2 == 0 ? 35 : 45, 20);
            hour(h, 445, h % 3 == 0 ? 20 : 16, 10);
        }
        tickTo(60);
        assertThat(alerts).isEmpty();
        assertThat(series("where port = 22")).hasSize(49);
    }

    @Test
    void aSlowRiseIsOnlyAWarning() {
        for (int h = 0; h < 30; h++) {
            hour(h, 8080, h % 2 == 0 ? 8 : 12, 5);
        }
        hour(30, 8080, 15, 5);
        tickTo(31);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(AlertSeverity.LOW);
            assertThat(a.title()).isEqualTo("Inbound scans rising on 8080/tcp");
            assertThat(a.details()).containsEntry("mean", 10.0).containsEntry("sigma", 2.0).containsEntry("z", 2.5);
            assertThat(a.reason()).isEqualTo("Inbound denied packets to 8080/tcp: 15 from 5 sources this hour, "
                    + "1.5x the 30-hour average of 10.0 (z = 2.5).");
        });
    }

    @Test
    void nothingIsRaisedInTheFirstDayOfObservation() {
        background(0, 24);
        hour(23, 23, 60, 30);
        tickTo(24);
        assertThat(alerts).isEmpty();
        background(24, 25);
        hour(24, 2323, 60, 30);
        tickTo(25);
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.destinationPort()).isEqualTo(2323));
    }

    @Test
    void hoursWithoutAnyTrafficCountAsZeros() {
        for (int h = 0; h < 6; h++) {
            hour(h, 3389, 20, 10);
        }
        hour(30, 3389, 40, 10);
        tickTo(31);
        // averaged over the 6 hours with traffic it would be 20 a hour and z = 20: over all 30 it is 4 +- 8
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(AlertSeverity.MEDIUM);
            assertThat(a.details()).containsEntry("mean", 4.0).containsEntry("sigma", 8.0).containsEntry("z", 4.5);
        });
    }

    @Test
    void excludedScannersAreNotCounted() {
        lists.add("scan-trend-excluded-scanners", new ListEntry("203.0.113.0/24", 0, "research scanner"));
        background(0, 31);
        hour(30, 23, 60, 30, "203.0.113.");
        tickTo(31);
        assertThat(alerts).isEmpty();
        assertThat(series("where port = 23")).isEmpty();
        assertThat(series("where port = 22")).isNotEmpty();
    }

    private static LogEvent packet(long t, String src, String dst, int port, String in, String out) {
        return LogEvent.builder().timestamp(t).observerHostname("fw1").category("network").action("deny")
                .outcome("denied").transport("tcp").sourceIp(src).sourcePort(40000).destinationIp(dst)
                .destinationPort(port).ingressInterface(in).egressInterface(out).build(NETS);
    }

    @Test
    void onlyTrafficFromTheInternetCounts() {
        long t = T0 + 60_000L;
        engine.send(packet(t, "198.51.100.1", "10.0.0.25", 1001, "outside", "inside"));   // inbound
        engine.send(packet(t, "198.51.100.1", "192.0.2.10", 1002, "eth0", null));         // to the firewall itself
        engine.send(packet(t, "198.51.100.1", "192.0.2.1", 1003, "outside", "outside"));  // to the box (ASA)
        engine.send(packet(t, "198.51.100.1", "192.0.2.80", 1004, "outside", "dmz"));     // to a public DMZ address
        engine.send(packet(t, "10.0.0.5", "198.51.100.7", 1005, "inside", "outside"));    // outbound: not counted
        engine.send(packet(t, "192.0.2.77", "198.51.100.7", 1006, "eth1", "eth0"));       // forwarded from a LAN not listed
        engine.send(LogEvent.builder().timestamp(t).outcome("allowed").transport("tcp").sourceIp("198.51.100.1")
                .destinationIp("10.0.0.25").destinationPort(1007).build(NETS));               // allowed: not counted
        engine.send(LogEvent.builder().timestamp(t).outcome("denied").transport("icmp").sourceIp("198.51.100.1")
                .destinationIp("10.0.0.25").icmpType(8).build(NETS));                         // no port
        tickTo(1);
        assertThat(series("order by port")).extracting(m -> m.get("port")).containsExactly(1001, 1002, 1003, 1004);
    }

    @Test
    void anInternalAddressThatGetsMostPacketsIsTheHost() {
        background(0, 31);
        long t = T0 + 30 * HOUR + 60_000L;
        for (int i = 0; i < 50; i++) {
            String dst = i < 40 ? "10.0.0.25" : "10.0.0.26";
            engine.send(packet(t + i * 1000L, "198.51.100." + (i % 20 + 1), dst, 3389, "outside", "inside"));
            engine.send(packet(t + i * 1000L, "198.51.100." + (i % 20 + 1), "10.0.0." + (i % 5 + 30), 5900, "outside", "inside"));
        }
        tickTo(31);
        assertThat(alerts).hasSize(2);
        assertThat(alerts).filteredOn(a -> a.destinationPort() == 3389).singleElement().satisfies(a -> {
            assertThat(a.hostIp()).isEqualTo("10.0.0.25");
            assertThat(a.destinationIp()).isEqualTo("10.0.0.25");
        });
        assertThat(alerts).filteredOn(a -> a.destinationPort() == 5900).singleElement().satisfies(a -> {
            assertThat(a.hostIp()).isNull();
            assertThat(a.destinationIp()).isNull();
        });
    }

    /** Ports 22, 23, 445, 3389, 80 steady; 8080 swings between 2 and 18, always sixth. */
    private void rankedHours(int from, int to) {
        int[] ports = {22, 23, 445, 3389, 80};
        int[] levels = {50, 40, 30, 25, 20};
        for (int h = from; h < to; h++) {
            for (int i = 0; i < ports.length; i++) {
                hour(h, ports[i], levels[i], 10);
            }
            hour(h, 8080, h % 2 == 0 ? 2 : 18, 2);
        }
    }

    @Test
    void aPortEnteringTheTopFiveIsARankJump() {
        rankedHours(0, 30);
        int[] ports = {22, 23, 445, 3389, 80};
        int[] levels = {50, 40, 30, 25, 20};
        for (int i = 0; i < ports.length; i++) {
            hour(30, ports[i], levels[i], 10);
        }
        hour(30, 8080, 26, 10);
        tickTo(31);
        assertThat(alerts).extracting(Alert::rule).containsExactly("scan-trend-surge", "scan-trend-rank-jump");
        assertThat(alerts(("scan-trend-rank-jump"))).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(AlertSeverity.LOW);
            assertThat(a.destinationPort()).isEqualTo(8080);
            assertThat(a.title()).isEqualTo("8080/tcp entered the top 5 inbound scanned ports");
            assertThat(a.reason()).isEqualTo("8080/tcp ranked 4 among the ports of inbound denied packets this hour "
                    + "(26 packets from 10 sources); its best rank was 6 in the previous 30 hours.");
            assertThat(a.details()).containsEntry("rank", 4).containsEntry("previousBestRank", 6);
        });
        assertThat(alerts("scan-trend-surge")).singleElement()
                .satisfies(a -> assertThat(a.severity()).isEqualTo(AlertSeverity.LOW));
    }

    @Test
    void aPortFromFarDownTheRankingIsAMediumRankJump() {
        for (int h = 0; h < 25; h++) {
            for (int p = 0; p < 25; p++) {
                hour(h, 1000 + p, 100 - p, 10);
            }
            if (h < 24) {
                hour(h, 9999, h % 2 == 0 ? 0 : 60, 5);
            }
        }
        hour(24, 9999, 115, 20);
        tickTo(25);
        assertThat(alerts).extracting(Alert::rule, Alert::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("scan-trend-surge", AlertSeverity.LOW),
                        org.assertj.core.groups.Tuple.tuple("scan-trend-rank-jump", AlertSeverity.MEDIUM));
        assertThat(alerts.get(1).details()).containsEntry("rank", 1).containsEntry("previousBestRank", 26);
    }

    @Test
    void aRankJumpIsReportedOncePerPortPerDay() throws IOException {
        engine.close();
        alerts.clear();
        engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, alerts::add, lists);
        // a short baseline, so that the port is out of its own top 5 again within a day
        assertThat(engine.load(dir, "rules", Map.of("scan_trend_baseline_hours", 4, "scan_trend_learning_seconds", 5 * 3600,
                "scan_trend_warn_z", 1000.0, "scan_trend_alert_z", 1000.0)).isEmpty()).isTrue();
        for (int h = 0; h < 40; h++) {
            for (int p = 1; p <= 6; p++) {
                hour(h, p, 10 * p, 5);
            }
            hour(h, 7, h % 10 == 9 ? 100 : 1, 5);
        }
        tickTo(40);
        assertThat(alerts).extracting(a -> a.details().get("hourStart"))
                .containsExactly(T0 + 9 * HOUR, T0 + 39 * HOUR);
    }

    @Test
    void aSweepOfEveryPortIsFoldedAndDoesNotHideABurst() {
        background(0, 31);
        long t = T0 + 30 * HOUR + 120_000L;
        for (int port = 0; port <= 0xFFFF; port++) {
            engine.send(deny(t + port * 40L, "198.51.100.99", "tcp", port));
        }
        hour(30, 23, 60, 30);
        tickTo(31);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.destinationPort()).isEqualTo(23);
            // the sweep's one packet to 23 gave way to other ports before the burst came: it is in the fold
            assertThat(a.details()).containsEntry("packets", 60L).containsEntry("sources", 30L).containsEntry("rank", 1);
        });
        List<Map<String, Object>> hour30 = series("where hourStart = " + (T0 + 30 * HOUR));
        assertThat(hour30).hasSize(501);
        assertThat(hour30).filteredOn(m -> (Integer) m.get("port") == PortTally.FOLDED).singleElement().satisfies(m -> {
            // every port but the 500 kept (22 and 23 among them): 65,036, estimated within 7 %
            assertThat((Long) m.get("foldedPorts")).isBetween(60_500L, 69_600L);
            assertThat((Long) m.get("sources")).isEqualTo(1L);
        });
        // every packet is counted, in its own row or in the fold
        assertThat(hour30.stream().mapToLong(m -> (Long) m.get("packets")).sum()).isEqualTo(65_536 + 10 + 60);
    }

    @Test
    void aFloodOfAMillionSourcesIsCountedInASketch() {
        background(0, 31);
        long t = T0 + 30 * HOUR + 120_000L;
        for (int i = 0; i < 1_000_000; i++) {
            String src = (11 + (i >>> 16)) + "." + ((i >>> 8) & 0xFF) + "." + (i & 0xFF) + ".1";
            engine.send(deny(t + i / 400, src, "tcp", 445));
        }
        tickTo(31);
        Map<String, Object> row = series("where port = 445").get(0);
        assertThat(row.get("packets")).isEqualTo(1_000_000L);
        // a sketch of 2,048 registers: standard error 2.3 %, so within 7 %
        assertThat((Long) row.get("sources")).isBetween(930_000L, 1_070_000L);
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.severity()).isEqualTo(AlertSeverity.HIGH));
    }
}
