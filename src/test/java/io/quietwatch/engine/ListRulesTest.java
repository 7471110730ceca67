package io.quietwatch.engine;

import io.quietwatch.alert.Alert;
import io.quietwatch.engine.list.ListStore;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules that read lists with inList, write them through QwListAdd, and see them in the QwList table. */
class ListRulesTest {
    private static final long T0 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path tmp;

    private LogEvent conn(long t, String src, String dst, int port) {
        return LogEvent.builder().timestamp(t).category("network").transport("tcp").outcome("allowed").phase("start")
                .sourceIp(src).destinationIp(dst).destinationPort(port).build(InternalNetworks.defaults());
    }

    @Test
    void rulesConsultAndWriteLists() throws Exception {
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        Files.writeString(lists.resolve("quiet-hosts.csv"), "10.0.0.1,,\n");
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("t.epl"), """
                // remember every host that talks to port 6667, for a day
                insert into QwListAdd select 'irc-users' as list, hostIp as value,
                       timestamp + 86400000L as expires, 'talked IRC' as comment
                from LogEvent(destinationPort = 6667);

                @Detection('irc-again') @Name('irc-again')
                select * from LogEvent(destinationPort = 7000, inList('irc-users', hostIp), not inList('quiet-hosts', hostIp));
                """);
        List<Alert> alerts = new ArrayList<>();
        ListStore store = new ListStore(lists, "lists");
        assertThat(store.loadAll()).isEmpty();
        try (RuleEngine e = new RuleEngine(RuleEngine.Mode.LIVE, Clock.systemUTC(), Long.MAX_VALUE / 4, alerts::add, store)) {
            assertThat(e.load(rules, "rules", Map.of()).isEmpty()).isTrue();
            e.start(T0);
            e.send(conn(T0, "10.0.0.5", "203.0.113.1", 6667));
            e.send(conn(T0 + 1, "10.0.0.1", "203.0.113.1", 6667));
            e.send(conn(T0 + 2, "10.0.0.5", "203.0.113.1", 7000));
            e.send(conn(T0 + 3, "10.0.0.1", "203.0.113.1", 7000));
            e.send(conn(T0 + 4, "10.0.0.9", "203.0.113.1", 7000));
            assertThat(alerts).extracting(Alert::hostIp).containsExactly("10.0.0.5");
            // the table mirrors the list
            var rows = e.runtime().getFireAndForgetService().executeQuery(
                    e.compileQuery("select value from QwList where list = 'irc-users' order by value")).getArray();
            assertThat(rows).extracting(r -> r.get("value")).containsExactly("10.0.0.1", "10.0.0.5");
            // a day later the entries have aged out
            e.advanceTo(T0 + 86_400_000L + 120_000);
            e.send(conn(T0 + 86_400_000L + 130_000, "10.0.0.5", "203.0.113.1", 7000));
            assertThat(alerts).hasSize(1);
        }
        assertThat(Files.readString(lists.resolve("irc-users.csv"))).isEqualTo("value,expires,comment\n");
    }
}
