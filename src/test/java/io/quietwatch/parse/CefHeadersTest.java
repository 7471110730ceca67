package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser's cache of whole headers: a kept header serves only lines that start with exactly it. */
class CefHeadersTest {
    private final CefParser parser = new CefParser();

    private LogEvent parse(String line) {
        ParseResult r = parser.parse(SyslogMessage.bare(line), FixtureCases.CONTEXT);
        assertThat(r).as(line).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).event();
    }

    @Test
    void aRepeatedHeaderIsReadOnceAndItsTextsShared() {
        LogEvent first = parse("CEF:0|Fortinet|Fortigate|v6.4.8|00013|traffic:forward close|3|src=10.0.0.1 act=close");
        LogEvent second = parse("CEF:0|Fortinet|Fortigate|v6.4.8|00013|traffic:forward close|3|src=10.0.0.2 act=deny");
        assertThat(second.observerVendor()).isEqualTo("Fortinet").isSameAs(first.observerVendor());
        assertThat(second.observerProduct()).isEqualTo("Fortigate").isSameAs(first.observerProduct());
        assertThat(second.eventCode()).isEqualTo("00013").isSameAs(first.eventCode());
        assertThat(second.sourceIp()).isEqualTo("10.0.0.2");
        assertThat(second.action()).isEqualTo("deny");
        assertThat(second.outcome()).isEqualTo(LogEvent.DENIED);
    }

    @Test
    void headersThatDifferLateAreToldApart() {
        // the same vendor, product and version: only the class id, name or severity differs
        String[] headers = {
            "CEF:0|Fortinet|Fortigate|v6.4.8|00013|traffic:forward close|3|",
            "CEF:0|Fortinet|Fortigate|v6.4.8|00013|traffic:forward close|4|",
            "CEF:0|Fortinet|Fortigate|v6.4.8|00014|traffic:forward close|3|",
            "CEF:0|Fortinet|Fortigate|v6.4.8|00013|traffic:forward deny|3|",
            "CEF:0|Palo Alto Networks|PAN-OS|10.1.6|start|TRAFFIC|1|",
            "CEF:0|Palo Alto Networks|PAN-OS|10.1.6|end|TRAFFIC|1|",
            "CEF:0|Palo Alto Networks|PAN-OS|10.1.6|drop|TRAFFIC|1|",
        };
        String[] codes = {"00013", "00013", "00014", "00013", "start", "end", "drop"};
        String[] phases = {null, null, null, null, LogEvent.START, LogEvent.END, null};
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < headers.length; i++) {
                LogEvent e = parse(headers[i] + "src=10.0.0." + i + " dst=198.51.100.9");
                assertThat(e.eventCode()).as(headers[i]).isEqualTo(codes[i]);
                assertThat(e.phase()).as(headers[i]).isEqualTo(phases[i]);
                assertThat(e.sourceIp()).isEqualTo("10.0.0." + i);
            }
        }
        // the name's last word is the verdict when there is no act
        assertThat(parse(headers[3] + "src=10.0.0.9").outcome()).isEqualTo(LogEvent.DENIED);
        assertThat(parse(headers[3] + "src=10.0.0.9").outcome()).isEqualTo(LogEvent.DENIED);
    }

    @Test
    void aHeaderWithEscapesKeepsThemUndoneWhenReused() {
        String line = "CEF:0|Acme \\| Co|Gate\\\\2|1.0|100|conn|5|src=10.0.0.1";
        for (int i = 0; i < 3; i++) {
            LogEvent e = parse(line);
            assertThat(e.observerVendor()).isEqualTo("Acme | Co");
            assertThat(e.observerProduct()).isEqualTo("Gate\\2");
        }
    }

    @Test
    void manyHeadersEvictEachOtherWithoutMixingUp() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            codes.add(Integer.toString(i * 7919 % 100_000));
        }
        for (int round = 0; round < 2; round++) {
            for (String code : codes) {
                LogEvent e = parse("CEF:0|Acme|Gate|1.0|" + code + "|conn " + code + "|5|src=10.0.0.1");
                assertThat(e.eventCode()).isEqualTo(code);
            }
        }
    }

    @Test
    void aLongHeaderAndAHeaderWithoutExtensionStillRead() {
        String vendor = "V".repeat(400);
        for (int i = 0; i < 2; i++) {
            assertThat(parse("CEF:0|" + vendor + "|P|1|2|n|3|src=10.0.0.1").observerVendor()).isEqualTo(vendor);
            assertThat(parse("CEF:0|Acme|Gate|1.0|100|conn|5").observerVendor()).isEqualTo("Acme");
            assertThat(parse("CEF:0|Acme|Gate|1.0|100|conn|5|").observerVendor()).isEqualTo("Acme");
        }
    }

    @Test
    void aKeptHeaderDoesNotServeALineWithAnotherPrefix() {
        parse("CEF:0|Acme|Gate|1.0|100|conn|5|src=10.0.0.1");
        // text before the marker, and the header then starting at another offset
        LogEvent e = parse("host1 app: CEF:0|Acme|Gate|1.0|100|conn|5|src=10.0.0.3");
        assertThat(e.observerVendor()).isEqualTo("Acme");
        assertThat(e.sourceIp()).isEqualTo("10.0.0.3");
        // a cut header whose start matches a kept one
        assertThat(parser.parse(SyslogMessage.bare("CEF:0|Acme|Gate|1.0|100"), FixtureCases.CONTEXT))
                .isInstanceOf(ParseResult.Malformed.class);
    }
}
