package io.quietwatch.parse;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CiscoAsaParserTest {
    private static final String DIR = "/fixtures/cisco-asa/";
    private static final CiscoAsaParser PARSER = new CiscoAsaParser();
    private static final ParseContext CONTEXT = FixtureCases.CONTEXT;
    /** ASA markers may stand anywhere in a line, so only totality is checked, not NotMine. */
    private static final ParserContract CONTRACT = ParserContract.of(PARSER, "unreadable")
            .claims(ParserContract.Claims.UNCHECKED);

    /**
     * Valid lines, each with the text that ends just before its last required field: any
     * truncation up to there must be Malformed, never a half-filled event.
     */
    private static final String[][] SAMPLES = {
        {"%ASA-6-302013: Built outbound TCP connection 9 for outside:198.51.100.21/22 (198.51.100.21/22)"
                + " to inside:10.1.1.2/53496 (10.1.1.2/53496)", "inside:10.1.1.2/"},
        {"%ASA-6-302015: Built inbound UDP connection 13292 for outside:198.51.100.2/1773 (198.51.100.2/1773)"
                + "(LOCAL\\jdoe, 321:Test_VLAN) to inside:10.10.10.3/53 (10.10.10.3/53) (jdoe)", "inside:10.10.10.3/"},
        {"%ASA-6-302014: Teardown TCP connection 8 for inside:10.1.1.2/12523 to NP Identity Ifc:10.1.1.1/22"
                + " duration 0:00:53 bytes 2436 TCP FINs", "bytes "},
        {"%FTD-6-302016: Teardown UDP connection 11758 for outside:2001:db8::53/53 to inside:fd00::44/56132"
                + " duration 123:00:00 bytes 148 (jdoe)", "bytes "},
        {"%ASA-6-302020: Built outbound ICMP connection for faddr 198.51.100.1/0 gaddr 203.0.113.5/512"
                + " laddr 10.0.0.5/512 type 8 code 0", "laddr 10.0.0.5/"},
        {"%ASA-6-302021: Teardown ICMP connection for faddr 10.22.8.74/0(LOCAL\\jdoe) gaddr 10.22.8.205/0"
                + " laddr 10.22.8.205/0", "laddr 10.22.8.205/"},
        {"%ASA-2-106001: Inbound TCP connection denied from 198.51.100.77/4455 to 10.0.0.25/23 flags SYN"
                + " on interface outside", "on interface "},
        {"%ASA-2-106006: Deny inbound UDP from 198.51.100.66/137 to 10.1.2.42/137 on interface outside",
                "on interface "},
        {"%ASA-2-106007: Deny inbound UDP from 198.51.100.66/12981 to 10.1.2.60/53 due to DNS Query", "due to "},
        {"%ASA-3-106014: Deny inbound icmp src outside:198.51.100.50 dst inside:192.168.223.7 (type 8, code 0)",
                "code "},
        {"%ASA-6-106015: Deny TCP (no connection) from 198.51.100.222/1234 to 192.168.1.34/5679 flags RST"
                + " on interface outside", "on interface "},
        {"%ASA-4-106023: Deny icmp src outside:198.51.100.8 dst inside:10.0.0.1 (type 8, code 0)"
                + " by access-group \"outside_in\" [0x0, 0x0]", "access-group \""},
        {"%ASA-4-106023: Deny tcp src outside:2001:db8::bad/40000 dst inside:fd00::80/80"
                + " by access-group \"outside_in6\" [0x0, 0x0]", "access-group \""},
        {"%ASA-6-106100: access-list acl_in permitted tcp inside/10.0.0.16(2241)(CORP\\erin) ->"
                + " outside/192.0.2.89(2000) hit-cnt 1 first hit [0x71a87d94, 0x0]", "hit-cnt "},
    };

    @TestFactory
    Stream<DynamicContainer> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(CiscoAsaParserTest.class.getResource(DIR).toURI());
        List<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).contains("built.yaml", "teardown.yaml", "icmp.yaml", "deny.yaml", "access-list.yaml",
                "other.yaml");
        return files.stream().map(f -> DynamicContainer.dynamicContainer(f, FixtureCases.tests(PARSER, DIR + f)));
    }

    @Test
    void nameIsTheFormatName() {
        assertThat(PARSER.name()).isEqualTo("cisco-asa");
    }

    @Test
    void claimsLinesWithAnyOfTheThreeMarkersAnywhere() {
        assertThat(PARSER.claims(SyslogMessage.bare("%ASA-6-302013: Built"))).isTrue();
        assertThat(PARSER.claims(SyslogMessage.bare("fw1 : %FTD-6-430003: x"))).isTrue();
        assertThat(PARSER.claims(SyslogMessage.bare("<166>Nov 26 fw %PIX-4-106023: Deny"))).isTrue();
        assertThat(PARSER.claims(SyslogMessage.bare("%ASA6-302013"))).isFalse();
        assertThat(PARSER.claims(SyslogMessage.bare("kernel: IN=eth0 OUT= SRC=10.0.0.1"))).isFalse();
        assertThat(PARSER.claims(SyslogMessage.bare("%AS"))).isFalse();
        assertThat(PARSER.claims(new SyslogMessage("x", -1, SyslogMessage.NO_TIMESTAMP, null, null, null, null)))
                .isFalse();
    }

    @Test
    void lineWithoutAMessageIsNotMine() {
        SyslogMessage empty = new SyslogMessage("x", -1, SyslogMessage.NO_TIMESTAMP, null, null, null, null);
        assertThat(PARSER.parse(empty, CONTEXT)).isInstanceOf(ParseResult.NotMine.class);
    }

    @Test
    void timeComesFromTheContextClockWhenTheHeaderHasNone() {
        Instant now = Instant.parse("2030-01-02T03:04:05.678Z");
        ParseContext context = new ParseContext(ZoneId.of("UTC"), Clock.fixed(now, ZoneId.of("UTC")),
                InternalNetworks.defaults());
        LogEvent event = event(PARSER.parse(SyslogMessage.bare(SAMPLES[0][0]), context));
        assertThat(event.timestamp()).isEqualTo(now.toEpochMilli());
    }

    @Test
    void builtAndTeardownOfOneConnectionAgreeOnItsEnds() {
        String[][] pairs = {
            {"%ASA-6-302013: Built outbound TCP connection 9 for outside:198.51.100.21/22 (198.51.100.21/22)"
                    + " to inside:10.1.1.2/53496 (10.1.1.2/53496)",
                "%ASA-6-302014: Teardown TCP connection 9 for outside:198.51.100.21/22 to inside:10.1.1.2/53496"
                    + " duration 0:00:30 bytes 0 SYN Timeout"},
            {"%ASA-6-302013: Built inbound TCP connection 10 for outside:198.51.100.1/28218 (198.51.100.1/28218)"
                    + " to NP Identity Ifc:198.51.100.2/22 (198.51.100.2/22)",
                "%ASA-6-302014: Teardown TCP connection 10 for outside:198.51.100.1/28218 to NP Identity"
                    + " Ifc:198.51.100.2/22 duration 0:00:33 bytes 968 TCP Reset-O"},
            {"%ASA-6-302015: Built outbound UDP connection 11 for outside:192.0.2.53/53 (192.0.2.53/53)"
                    + " to inside:10.0.0.9/40000 (203.0.113.9/40000)",
                "%ASA-6-302016: Teardown UDP connection 11 for outside:192.0.2.53/53 to inside:10.0.0.9/40000"
                    + " duration 0:02:00 bytes 300"},
        };
        for (String[] pair : pairs) {
            LogEvent start = event(PARSER.parse(SyslogMessage.bare(pair[0]), CONTEXT));
            LogEvent end = event(PARSER.parse(SyslogMessage.bare(pair[1]), CONTEXT));
            assertThat(List.of(end.connectionId(), end.sourceIp(), end.sourcePort(), end.destinationIp(),
                    end.destinationPort(), end.ingressInterface(), end.egressInterface()))
                    .as(pair[1])
                    .containsExactly(start.connectionId(), start.sourceIp(), start.sourcePort(),
                            start.destinationIp(), start.destinationPort(), start.ingressInterface(),
                            start.egressInterface());
            assertThat(List.of(start.phase(), end.phase())).containsExactly(LogEvent.START, LogEvent.END);
        }
    }

    @Test
    void malformedReasonsNameTheMessageAndTheField() {
        assertThat(reason("%ASA-6-302013: Built outbound TCP connection 9 for outside:198.51.100.21/ssh"
                + " (198.51.100.21/22) to inside:10.1.1.2/53496 (10.1.1.2/53496)"))
                .startsWith("ASA 302013: ").contains("'for' side port is not a number").contains("offset");
        assertThat(reason("%FTD-6-302014: Teardown TCP connection 9 for outside:198.51.100.21/22"
                + " to inside:10.1.1.2/53496 duration 0:00 bytes 0"))
                .startsWith("FTD 302014: ").contains("duration is not h:mm:ss");
        assertThat(reason("%ASA-6-302016: Teardown UDP connection 9 for outside:198.51.100.21/53"
                + " to inside:10.1.1.2/53496 duration 0:00:01 bytes lots"))
                .contains("bytes is not a number");
        assertThat(reason("%ASA-4-106023: Deny tcp src outside:198.51.100.126/53638 dst inside:10.0.0.132/8111"))
                .contains("expected 'by'");
        assertThat(reason("%PIX-x-106023: Deny")).startsWith("PIX: ").contains("no severity");
    }

    @Test
    void truncatedLinesAreMalformedUntilTheLastRequiredFieldAndNeverThrow() {
        malformedUntilTheLastRequiredField(SAMPLES);
    }

    /**
     * Each sample line (with the text that ends just before its last required field) parses; each of its
     * prefixes passes the contract, and is Malformed from the end of the ASA header to that field.
     */
    static void malformedUntilTheLastRequiredField(String[][] samples) {
        for (String[] sample : samples) {
            String line = sample[0];
            int headerEnd = line.indexOf(':', line.indexOf('%')) + 1;
            int lastRequired = line.indexOf(sample[1]) + sample[1].length();
            assertThat(line).contains(sample[1]);
            assertThat(PARSER.parse(SyslogMessage.bare(line), CONTEXT)).as(line).isInstanceOf(ParseResult.Parsed.class);
            for (int len = 0; len < line.length(); len++) {
                ParseResult result = CONTRACT.check(SyslogMessage.bare(line.substring(0, len)));
                if (len >= headerEnd && len <= lastRequired) {
                    assertThat(result).as("prefix %d of %s", len, line).isInstanceOf(ParseResult.Malformed.class);
                }
            }
        }
    }

    @Test
    void randomGarbageAfterTheMarkerNeverThrows() {
        String[] ids = {"302013", "302014", "302015", "302016", "302020", "302021", "106001", "106006", "106007",
            "106014", "106015", "106023", "106100", "305011"};
        String[] pieces = {"Built ", "Teardown ", "inbound ", "outbound ", "TCP ", "UDP ", "ICMP ", "connection ",
            "for ", "to ", "faddr ", "gaddr ", "laddr ", "src ", "dst ", "from ", "duration ", "bytes ", "type ",
            "code ", "flags ", "on interface ", "due to ", "by access-group ", "access-list ", "permitted ", "->",
            "hit-cnt ", "(no connection) ", "Deny ", "protocol ", "outside:", "inside/", "10.0.0.1", "2001:db8::1",
            "/", ":", "(", ")", "\"", ",", " ", "  ", "0", "80", "65536", "99999999999999999999", "1:02:03", "x",
            "(LOCAL\\jdoe)", "(type 8, code 0)", "\t", "\u00e9", "%ASA-"};
        CONTRACT.randomLines(new Random(20261126L), 20_000,
                r -> RandomLines.pieces(r, "%ASA-6-" + ids[r.nextInt(ids.length)] + ": ", pieces));
    }

    @Test
    void randomlyDamagedValidLinesNeverThrow() {
        String alphabet = "0123456789abc:/() ,.-\"%>ASA";
        CONTRACT.randomLines(new Random(116149L), 20_000,
                r -> RandomLines.damaged(r, SAMPLES[r.nextInt(SAMPLES.length)][0], alphabet));
    }

    @Test
    void oneInstanceParsesFromSeveralThreadsAlike() throws Exception {
        CONTRACT.sameResultsOnThreads(Stream.of(SAMPLES).map(sample -> SyslogMessage.bare(sample[0])).toList(), 2_000);
    }

    private static String reason(String line) {
        ParseResult result = PARSER.parse(SyslogMessage.bare(line), CONTEXT);
        assertThat(result).as(line).isInstanceOf(ParseResult.Malformed.class);
        return ((ParseResult.Malformed) result).reason();
    }

    private static LogEvent event(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).event();
    }
}
