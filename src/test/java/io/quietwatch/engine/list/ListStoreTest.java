package io.quietwatch.engine.list;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ListStoreTest {
    @TempDir
    Path dir;

    private ListStore store() {
        return new ListStore(dir, "conf/lists");
    }

    @Test
    void matchesExactValuesCidrsWildcardDomainsAndPortRanges() throws Exception {
        Files.writeString(dir.resolve("mixed.csv"), """
                value,expires,comment
                # update sites
                *.windowsupdate.com,,Microsoft updates
                download.example.org,,
                10.1.0.0/16,,lab
                2001:db8:5::/48,,v6 lab
                6881-6889,,BitTorrent
                jdoe,,"a user, with a comma"
                198.51.100.7,,
                4444,,a single port
                2001:db8:9::1,,
                """);
        ListStore s = store();
        assertThat(s.loadAll()).isEmpty();
        assertThat(s.contains("mixed", "dl.delivery.mp.microsoft.com")).isFalse();
        assertThat(s.contains("mixed", "a.b.WindowsUpdate.com")).isTrue();
        assertThat(s.contains("mixed", "windowsupdate.com")).isFalse();
        assertThat(s.contains("mixed", "download.example.org")).isTrue();
        assertThat(s.contains("mixed", "DOWNLOAD.example.org")).isTrue();
        assertThat(s.contains("mixed", "10.1.255.3")).isTrue();
        assertThat(s.contains("mixed", "10.2.0.1")).isFalse();
        assertThat(s.contains("mixed", "2001:db8:5:1::9")).isTrue();
        assertThat(s.contains("mixed", "2001:db8:6::9")).isFalse();
        assertThat(s.contains("mixed", 6885)).isTrue();
        assertThat(s.contains("mixed", "6889")).isTrue();
        assertThat(s.contains("mixed", 6890)).isFalse();
        assertThat(s.contains("mixed", "jdoe")).isTrue();
        assertThat(s.contains("mixed", "198.51.100.7")).isTrue();
        assertThat(s.contains("mixed", "198.51.100.8")).isFalse();
        assertThat(s.contains("mixed", 4444)).isTrue();
        assertThat(s.contains("mixed", 4444L)).isTrue();
        assertThat(s.contains("mixed", "4444")).isTrue();
        assertThat(s.contains("mixed", 4445)).isFalse();
        assertThat(s.contains("mixed", "2001:DB8:9:0::1")).isTrue();
        assertThat(s.contains("mixed", "2001:db8:9::2")).isFalse();
        assertThat(s.contains("mixed", "JDOE")).isTrue();
        assertThat(s.contains("nosuchlist", "x")).isFalse();
        assertThat(s.get("mixed").entries()).extracting(ListEntry::comment).contains("a user, with a comma");
    }

    @Test
    void expiredEntriesAgeOutByEngineTime() throws Exception {
        Files.writeString(dir.resolve("temp.csv"), "a.example.com,2026-11-20T00:00:00Z,\nb.example.com,2026-12-31,\nc.example.com,,\n");
        ListStore s = store();
        assertThat(s.loadAll()).isEmpty();
        s.advance(Instant.parse("2026-11-19T00:00:00Z").toEpochMilli());
        assertThat(s.contains("temp", "a.example.com")).isTrue();
        s.advance(Instant.parse("2026-11-21T00:00:00Z").toEpochMilli());
        assertThat(s.contains("temp", "a.example.com")).isFalse();
        assertThat(s.contains("temp", "b.example.com")).isTrue();
        s.advance(Instant.parse("2027-01-01T00:00:00Z").toEpochMilli());
        assertThat(s.contains("temp", "b.example.com")).isFalse();
        assertThat(s.contains("temp", "c.example.com")).isTrue();
    }

    @Test
    void entriesAddedByRulesAreWrittenBackAndSurviveAReload() throws Exception {
        ListStore s = store();
        s.add("p2p-users", new ListEntry("10.0.0.5", Instant.parse("2026-12-01T00:00:00Z").toEpochMilli(), "P2P, 61 peers"));
        s.add("p2p-users", new ListEntry("10.0.0.6", 0, ""));
        s.remove("p2p-users", "10.0.0.6");
        s.flush();
        String text = Files.readString(dir.resolve("p2p-users.csv"));
        assertThat(text).isEqualTo("value,expires,comment\n10.0.0.5,2026-12-01T00:00:00Z,\"P2P, 61 peers\"\n");
        ListStore again = store();
        assertThat(again.loadAll()).isEmpty();
        assertThat(again.contains("p2p-users", "10.0.0.5")).isTrue();
        assertThat(again.contains("p2p-users", "10.0.0.6")).isFalse();
    }

    @Test
    void aLaterExpiryRefreshesAnEntryAnEarlierOneDoesNot() {
        ListStore s = store();
        s.add("l", new ListEntry("x", 1000, "first"));
        s.add("l", new ListEntry("x", 500, "earlier"));
        assertThat(s.get("l").entries()).containsExactly(new ListEntry("x", 1000, "first"));
        s.add("l", new ListEntry("x", 2000, ""));
        assertThat(s.get("l").entries()).containsExactly(new ListEntry("x", 2000, "first"));
    }

    @Test
    void badFilesAreReportedWithPositionsAndKeepTheLastGoodEntries() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "good.example.com,,\n");
        ListStore s = store();
        assertThat(s.loadAll()).isEmpty();
        Files.writeString(f, "value,expires,comment\n10.0.0.0/33,,\nx,next tuesday,\n\"open,,\n*bad*.com,,\na,b,c,d\n");
        List<String> problems = s.reload(f);
        assertThat(problems).containsExactly(
                "conf/lists/bad.csv:2:1: '10.0.0.0/33' has a prefix length outside 0-32",
                "conf/lists/bad.csv:3:3: expiry 'next tuesday' is not a date (2026-12-31) or time (2026-12-31T18:00:00Z)",
                "conf/lists/bad.csv:4:1: a quoted value is not closed",
                "conf/lists/bad.csv:5:1: '*bad*.com': a wildcard is only allowed as a leading '*.' (e.g. *.example.com)",
                "conf/lists/bad.csv:6:7: more than three columns (value,expires,comment); quote a comment that holds commas");
        assertThat(s.contains("bad", "good.example.com")).isTrue();
        assertThat(store().validate()).hasSize(5);
    }

    @Test
    void changesAreReported() throws Exception {
        List<String> seen = new java.util.ArrayList<>();
        ListStore s = store();
        s.onChange(new ListStore.Changes() {
            @Override
            public void put(String list, ListEntry entry) {
                seen.add("put " + list + " " + entry.value());
            }

            @Override
            public void removed(String list, String value) {
                seen.add("removed " + list + " " + value);
            }
        });
        Path f = dir.resolve("l.csv");
        Files.writeString(f, "a,,\nb,,\n");
        s.reload(f);
        Files.writeString(f, "b,,\nc,,\n");
        s.reload(f);
        assertThat(seen).containsExactly("put l a", "put l b", "removed l a", "put l c");
    }
}
