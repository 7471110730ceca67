package io.quietwatch.engine.peers;

import io.quietwatch.alert.Alert;
import io.quietwatch.engine.RuleEngine;
import io.quietwatch.engine.RuleProblem;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
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

/** peerBurst(...) as an EPL aggregation function, grouped per host, on the engine's event-time clock. */
class PeerBurstForgeTest {
    private static final long T0 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path tmp;

    private RuleEngine engine(String epl, List<Alert> alerts) throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("t.epl"), epl);
        RuleEngine e = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, alerts::add);
        RuleEngine.LoadProblems p = e.load(rules, "rules", Map.of());
        assertThat(p.rules()).isEmpty();
        return e;
    }

    private List<String> problems(String epl) throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(rules.resolve("t.epl"), epl);
        try (RuleEngine e = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, a -> { })) {
            return e.load(rules, "rules", Map.of()).rules().stream().map(RuleProblem::toString).toList();
        }
    }

    private static LogEvent udp(long t, String src, String dst, int port) {
        return LogEvent.builder().timestamp(t).category("network").transport("udp").outcome("allowed")
                .sourceIp(src).sourcePort(40000).destinationIp(dst).destinationPort(port).build(InternalNetworks.defaults());
    }

    @Test
    void reportsEachHostOnceWhenItReachesTheThreshold() throws IOException {
        List<Alert> alerts = new ArrayList<>();
        try (RuleEngine e = engine("""
                @Detection('burst') @Name('burst')
                select hostIp as hostIp, peerBurst(destinationIp, destinationPort, timestamp, false, 60000L, 3, 2).peers() as peers
                from LogEvent(transport = 'udp')
                group by hostIp
                having peerBurst(destinationIp, destinationPort, timestamp, false, 60000L, 3, 2) is not null;
                """, alerts)) {
            e.send(udp(T0, "10.0.0.1", "203.0.113.1", 6881));
            e.send(udp(T0 + 1, "10.0.0.2", "203.0.113.1", 6881));
            e.send(udp(T0 + 2, "10.0.0.1", "203.0.113.2", 6882));
            e.send(udp(T0 + 3, "10.0.0.2", "203.0.113.2", 6882));
            e.send(udp(T0 + 4, "10.0.0.1", "203.0.113.3", 6883));
            e.send(udp(T0 + 5, "10.0.0.1", "203.0.113.4", 6884));
        }
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.hostIp()).isEqualTo("10.0.0.1");
            assertThat(a.details()).containsEntry("peers", 3);
        });
    }

    @Test
    void wrongArgumentsAreCompileErrorsNamingTheParameter() throws IOException {
        assertThat(problems("select peerBurst(destinationIp, destinationPort) from LogEvent group by hostIp;"))
                .singleElement().asString()
                .contains("peerBurst takes 7 or 8 parameters (peer, port, time, endpoint, windowMillis, minPeers, minPorts, evidence), got 2");
        assertThat(problems("select peerBurst(destinationIp, 'x', timestamp, false, 1L, 3, 2) from LogEvent group by hostIp;"))
                .singleElement().asString().contains("peerBurst parameter 2 (port) must be a number");
        assertThat(problems("select peerBurst(destinationIp, 1, timestamp, 'yes', 1L, 3, 2) from LogEvent group by hostIp;"))
                .singleElement().asString().contains("peerBurst parameter 4 (endpoint) must be a boolean");
        assertThat(problems("select peerBurst(destinationPort, 1, timestamp, true, 1L, 3, 2) from LogEvent group by hostIp;"))
                .singleElement().asString().contains("peerBurst parameter 1 (peer) must be a string");
    }
}
