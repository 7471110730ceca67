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
        RuleEngine.LoadProblems problems = engine.load(dir, "rules", Map.of());
        assertThat(problems.rules()).isEmpty();
        assertThat(problems.variables()).isEmpty();
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
        List<String> src = new ArrayList<>();
        for (int i = 0; i < sources; i++) {
            src.add(nextSource());
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
}
