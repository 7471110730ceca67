package io.quietwatch.alert.sink.syslog;

import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.parse.ParseContext;
import io.quietwatch.parse.SyslogHeaderParser;
import io.quietwatch.parse.SyslogMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyslogEncoderTest {
    private static SyslogEncoder encoder(String header, String facility, int maxSize) {
        SyslogSinkConfig c = new SyslogSinkConfig("s", "h", null, "udp", null, header, facility, null, null, null, null,
                null, null, maxSize, null, null);
        return new SyslogEncoder(c, "qw-1.example.org", new CefFormatter("1.0"));
    }

    private static String text(SyslogEncoder e, io.quietwatch.alert.Alert a) {
        return new String(e.encode(a), StandardCharsets.UTF_8);
    }

    @Test
    void writesAnRfc5424HeaderBeforeTheCefRecord() {
        String m = text(encoder("rfc5424", "local4", 8192), AlertFixtures.download("a1"));
        // local4 = 20, high = 3 (error): 20 * 8 + 3
        assertThat(m).startsWith("<163>1 2024-05-01T10:00:00.250Z qw-1.example.org quietwatch - alert - "
                + "CEF:0|QuietWatch|QuietWatch|1.0|executable-download|");
        SyslogTestMessage parsed = SyslogTestMessage.parse(m);
        assertThat(parsed.procId()).isEqualTo("-");
        assertThat(parsed.msgId()).isEqualTo("alert");
        assertThat(parsed.structuredData()).isEqualTo("-");
        assertThat(parsed.cef().extension()).containsEntry("externalId", "a1");
    }

    @Test
    void priCombinesFacilityAndTheAlertsSeverity() {
        SyslogEncoder auth = encoder("rfc5424", "auth", 8192);
        assertThat(List.of(AlertSeverity.CRITICAL, AlertSeverity.HIGH, AlertSeverity.MEDIUM, AlertSeverity.LOW))
                .extracting(s -> SyslogTestMessage.parse(text(auth, AlertFixtures.withSeverity(s))).pri())
                .containsExactly(4 * 8 + 2, 4 * 8 + 3, 4 * 8 + 4, 4 * 8 + 5);
        assertThat(SyslogTestMessage.parse(text(encoder("rfc5424", "LOCAL7", 8192),
                AlertFixtures.withSeverity(AlertSeverity.CRITICAL))).pri()).isEqualTo(23 * 8 + 2);
    }

    @Test
    void writesAnRfc3164HeaderWithASpacePaddedDay() {
        String m = text(encoder("rfc3164", "local4", 8192), AlertFixtures.download("a1"));
        assertThat(m).startsWith("<163>May  1 10:00:00 qw-1.example.org quietwatch: CEF:0|QuietWatch|");
    }

    @Test
    void quietWatchsOwnSyslogParserReadsBothHeaders() {
        ParseContext utc = new ParseContext(ZoneOffset.UTC, Clock.fixed(Instant.ofEpochMilli(AlertFixtures.TIME), ZoneOffset.UTC),
                InternalNetworks.defaults());
        SyslogHeaderParser parser = new SyslogHeaderParser();
        for (String header : List.of("rfc5424", "rfc3164")) {
            SyslogMessage m = parser.parse(text(encoder(header, "local4", 8192), AlertFixtures.download("a1")), utc);
            assertThat(m.priority()).isEqualTo(163);
            assertThat(m.hostname()).isEqualTo("qw-1.example.org");
            assertThat(m.appName()).isEqualTo("quietwatch");
            assertThat(m.timestamp()).isEqualTo(header.equals("rfc5424") ? AlertFixtures.TIME : AlertFixtures.TIME - 250);
            assertThat(m.message()).startsWith("CEF:0|QuietWatch|QuietWatch|1.0|executable-download|");
        }
    }

    @Test
    void staysWithinMaxMessageSizeCountingTheHeader() {
        SyslogEncoder e = encoder("rfc5424", "local4", 2048);
        byte[] m = e.encode(AlertFixtures.withReason("big", "日本=".repeat(400)));
        assertThat(m.length).isLessThanOrEqualTo(2048);
        SyslogTestMessage parsed = SyslogTestMessage.parse(new String(m, StandardCharsets.UTF_8));
        assertThat(parsed.cef().extension()).containsEntry("cs4", "msg,cs2").containsEntry("suser", "bob");
    }
}
