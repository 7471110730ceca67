package io.quietwatch.alert.sink.syslog;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.quietwatch.alert.sink.syslog.AlertFixtures.NASTY;
import static io.quietwatch.alert.sink.syslog.AlertFixtures.TIME;
import static org.assertj.core.api.Assertions.assertThat;

class CefFormatterTest {
    private final CefFormatter cef = new CefFormatter("1.2.3");

    @Test
    void mapsEveryAlertFieldToItsDocumentedKey() {
        String record = cef.format(AlertFixtures.download("a1"));
        CefTestParser.Cef parsed = CefTestParser.parse(record);

        assertThat(record).startsWith("CEF:0|QuietWatch|QuietWatch|1.2.3|executable-download|Executable download by 10.1.2.3|8|rt=");
        assertThat(parsed.header()).containsExactly("0", "QuietWatch", "QuietWatch", "1.2.3", "executable-download",
                "Executable download by 10.1.2.3", "8");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("rt", Long.toString(TIME));
        expected.put("externalId", "a1");
        expected.put("cs3Label", "detection");
        expected.put("cs3", "executable-download");
        expected.put("act", "alert");
        expected.put("cnt", "2");
        expected.put("start", Long.toString(TIME - 60_000));
        expected.put("end", Long.toString(TIME - 5_000));
        expected.put("src", "10.1.2.3");
        expected.put("dst", "203.0.113.7");
        expected.put("dpt", "80");
        expected.put("suser", "alice");
        expected.put("cs1Label", "rule");
        expected.put("cs1", "executable_download");
        expected.put("request", "http://203.0.113.7/payload.exe");
        expected.put("msg", "10.1.2.3 fetched an .exe from a raw IP address.");
        expected.put("cs2Label", "reason");
        expected.put("cs2", "10.1.2.3 fetched an .exe from a raw IP address.");
        assertThat(parsed.extension()).containsExactlyEntriesOf(expected);
    }

    @Test
    void mapsAlertSeverityToCefSeverity() {
        assertThat(List.of(AlertSeverity.values())).extracting(s -> CefTestParser.parse(cef.format(AlertFixtures.withSeverity(s))).severity())
                .containsExactly("3", "5", "8", "10");
    }

    @Test
    void leavesOutWhatTheAlertDoesNotKnow() {
        Alert bare = AlertFixtures.withSeverity(AlertSeverity.LOW);
        assertThat(CefTestParser.parse(cef.format(bare)).extension()).containsOnlyKeys(
                "rt", "externalId", "cs3Label", "cs3", "act", "cnt", "cs1Label", "cs1");
    }

    @Test
    void putsIpv6AndNonAddressesInTheirOwnKeys() {
        Alert a = new Alert("v6", "p2p-user", "r", AlertSeverity.LOW, "t", TIME, 0, 0, 1, "fd00::5", null,
                "files.example.org", null, null, List.of(), Map.of());
        Map<String, String> ext = CefTestParser.parse(cef.format(a)).extension();
        assertThat(ext).containsEntry("c6a2", "fd00::5").containsEntry("c6a2Label", "Source IPv6 Address")
                .containsEntry("dhost", "files.example.org").doesNotContainKeys("src", "dst", "shost");
        Alert b = new Alert("v6", "p2p-user", "r", AlertSeverity.LOW, "t", TIME, 0, 0, 1, "pc-17.corp", null,
                "2001:db8::1", 53, null, List.of(), Map.of());
        Map<String, String> ext2 = CefTestParser.parse(cef.format(b)).extension();
        assertThat(ext2).containsEntry("shost", "pc-17.corp").containsEntry("c6a3", "2001:db8::1")
                .containsEntry("c6a3Label", "Destination IPv6 Address").containsEntry("dpt", "53");
    }

    @Test
    void escapesPipesAndBackslashesInTheHeaderAndTurnsLineBreaksIntoSpaces() {
        Alert a = new Alert("h", "det|ect\\ion", "r", AlertSeverity.LOW, "T|i\\t=le\r\nnext ${jndi:ldap://x}", TIME, 0, 0,
                1, null, null, null, null, null, List.of(), Map.of());
        String record = cef.format(a);
        assertThat(record).startsWith("CEF:0|QuietWatch|QuietWatch|1.2.3|det\\|ect\\\\ion|T\\|i\\\\t=le  next ${jndi:ldap://x}|3|");
        CefTestParser.Cef parsed = CefTestParser.parse(record);
        assertThat(parsed.header().get(4)).isEqualTo("det|ect\\ion");
        assertThat(parsed.name()).isEqualTo("T|i\\t=le  next ${jndi:ldap://x}");
        assertThat(parsed.extension()).containsEntry("cs3", "det|ect\\ion");
        assertThat(record).doesNotContain("\r", "\n");
    }

    @Test
    void escapesExtensionValuesSoEveryValueRoundTripsExactly() {
        String record = cef.format(AlertFixtures.hostile("x", NASTY));
        assertThat(record).doesNotContain("\r", "\n").contains("suser=user a|b\\=c\\\\d\\r\\ne\\n${jndi:ldap://x}");
        Map<String, String> ext = CefTestParser.parse(record).extension();
        assertThat(ext).containsEntry("shost", "host " + NASTY).containsEntry("dhost", "dest " + NASTY)
                .containsEntry("suser", "user " + NASTY).containsEntry("request", "http://x/" + NASTY)
                .containsEntry("cs1", "rule " + NASTY).containsEntry("msg", "reason " + NASTY)
                .containsEntry("cs2", "reason " + NASTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "\\", "\\=", "ends with \\", "\\\\n", "x=y z=w", " act=block", "\r", "\n\n", "|",
            "${jndi:ldap://x/a}", "${${lower:j}ndi:dns://x}", "日本語", "emoji 😀", "\u0000nul", "tab\there", "<b>&amp;</b>"})
    void valueRoundTrips(String text) {
        Map<String, String> ext = CefTestParser.parse(cef.format(AlertFixtures.hostile("x", text))).extension();
        assertThat(ext).containsEntry("suser", "user " + text).containsEntry("shost", "host " + text)
                .containsEntry("request", "http://x/" + text).containsEntry("act", "alert");
    }

    @Test
    void dropsWholeFieldsToFitAndListsThemInTheMarker() {
        // 1,500 '=' escape to 3,000 bytes: msg fits in 5,000 bytes, msg and cs2 together do not
        String reason = "=".repeat(1500);
        String record = cef.format(AlertFixtures.withReason("t1", reason), 5000);
        assertThat(record.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(5000);
        Map<String, String> ext = CefTestParser.parse(record).extension();
        assertThat(ext).containsEntry("msg", reason).doesNotContainKeys("cs2", "cs2Label")
                .containsEntry("cs4Label", "truncated").containsEntry("cs4", "cs2")
                .containsEntry("suser", "bob").containsEntry("dst", "198.51.100.9");

        String both = cef.format(AlertFixtures.withReason("t1", "=".repeat(3000)), 5000);
        assertThat(CefTestParser.parse(both).extension()).doesNotContainKeys("msg", "cs2").containsEntry("cs4", "msg,cs2")
                .containsEntry("rt", Long.toString(TIME)).containsEntry("externalId", "t1");
    }

    @Test
    void everyLimitGivesAParsableRecordOfCompleteFields() {
        String text = "\\=|\r\n日本😀 ${jndi:ldap://x} ";
        Alert a = AlertFixtures.hostile("p", text.repeat(40));
        Map<String, String> full = CefTestParser.parse(cef.format(a)).extension();
        for (int max = 1024; max < 9000; max += 37) {
            String record = cef.format(a, max);
            assertThat(record.getBytes(StandardCharsets.UTF_8).length).as("limit %d", max).isLessThanOrEqualTo(max);
            Map<String, String> ext = CefTestParser.parse(record).extension();
            for (Map.Entry<String, String> e : ext.entrySet()) {
                if (!e.getKey().startsWith("cs4")) {
                    assertThat(e.getValue()).as("%s at limit %d", e.getKey(), max).isEqualTo(full.get(e.getKey()));
                }
            }
            if (ext.size() < full.size()) {
                List<String> missing = full.keySet().stream().filter(k -> !ext.containsKey(k) && !k.endsWith("Label")).toList();
                assertThat(ext.get("cs4").split(",")).as("limit %d", max).contains(missing.toArray(String[]::new));
            }
        }
    }

    @Test
    void cutsLongTitlesToArcSightsNameLengthWithoutSplittingACharacter() {
        Alert a = new Alert("l", "d", "r", AlertSeverity.LOW, "😀".repeat(600), TIME, 0, 0, 1, null, null, null, null,
                null, List.of(), Map.of());
        CefTestParser.Cef parsed = CefTestParser.parse(cef.format(a));
        assertThat(parsed.name()).isEqualTo("😀".repeat(256));
        assertThat(parsed.extension()).containsEntry("cs4", "name");

        Alert wide = new Alert("l", "d", "r", AlertSeverity.LOW, "|".repeat(500), TIME, 0, 0, 1, null, null, null, null,
                null, List.of(), Map.of());
        String small = cef.format(wide, 1024);
        assertThat(small.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        CefTestParser.Cef cut = CefTestParser.parse(small);
        assertThat(cut.name()).hasSizeLessThan(500).matches("\\|+");
        assertThat(cut.extension()).containsEntry("cs4", "name").containsEntry("externalId", "l");
    }

    @Test
    void countsUtf8BytesAsStringGetBytesDoes() {
        Random random = new Random(42);
        char[] pool = {'a', '=', 'é', '日', '\uD83D', '\uDE00', '\u0000', '\u07FF', '\u0800'};
        for (int n = 0; n < 2000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                s.append(pool[random.nextInt(pool.length)]);
            }
            assertThat(CefText.utf8Length(s)).as("%s", s).isEqualTo(s.toString().getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
