package io.quietwatch.parse;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SquidParserTest {
    private static final String[] FIXTURES = {
        "/fixtures/squid/native.yaml", "/fixtures/squid/common.yaml", "/fixtures/squid/negative.yaml"};
    private static final String[] FOREIGN_FIXTURES = {
        "/fixtures/cisco-asa/access-list.yaml", "/fixtures/cisco-asa/built.yaml", "/fixtures/cisco-asa/deny.yaml",
        "/fixtures/cisco-asa/icmp.yaml", "/fixtures/cisco-asa/other.yaml", "/fixtures/cisco-asa/teardown.yaml",
        "/fixtures/netfilter/ipv4.yaml", "/fixtures/netfilter/ipv6.yaml", "/fixtures/netfilter/negative.yaml"};
    private static final String NATIVE = "1732615200.123    195 10.0.0.5 TCP_MISS/200 10473 GET "
            + "http://example.com/setup.exe - HIER_DIRECT/93.184.216.34 application/x-msdownload";
    private static final String COMBINED = "10.0.0.5 - bob [26/Nov/2026:10:00:00 +0100] \"GET http://example.com/a.exe "
            + "HTTP/1.1\" 200 12345 \"-\" \"Mozilla/5.0\" TCP_MISS:HIER_DIRECT";

    /** Squid lines are full of digits: one edit in five overwrites a character with a digit. */
    private static final RandomLines.Garble GARBLE = new RandomLines.Garble(" \"[]/:",
            (sb, at, random) -> sb.setCharAt(at, (char) ('0' + random.nextInt(10))));

    private final SquidParser parser = new SquidParser();
    private final ParserContract contract = ParserContract.of(parser, "unreadable squid line");

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return Stream.of(FIXTURES).flatMap(f -> FixtureCases.tests(parser, f).stream());
    }

    @Test
    void fixtureFilesHoldEnoughCases() {
        assertThat(FixtureCases.count(FIXTURES)).isGreaterThanOrEqualTo(30);
    }

    @Test
    void nameIsSquid() {
        assertThat(parser.name()).isEqualTo("squid");
    }

    @Test
    void claimsProxyRecordsAndSquidTags() {
        assertThat(parser.claims(SyslogMessage.bare(NATIVE))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare(COMBINED))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("(squid-1)[6802]: " + NATIVE))).isTrue();
        assertThat(parser.claims(SyslogMessage.bare("Info: " + NATIVE))).isTrue();
        assertThat(parser.claims(tagged("squid", "Starting Squid Cache version 5.7"))).isTrue();
        assertThat(parser.claims(tagged("(squid-1)[91300]:", "18459 192.168.4.100"))).isTrue();
        assertThat(parser.claims(tagged("sshd", "Accepted password for root"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("1732615200.123\t195\t10.0.0.5"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("1732615200.12 195 10.0.0.5 TCP_MISS/200"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("1732615200.1 195 10.0.0.5 TCP_MISS/200"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("17326152001.123 195 10.0.0.5 TCP_MISS/200"))).isFalse();
        assertThat(parser.claims(SyslogMessage.bare("1732615200.123 195"))).isFalse();
        assertThat(parser.claims(new SyslogMessage(null, -1, SyslogMessage.NO_TIMESTAMP, null, null, null, null)))
                .isFalse();
        assertThat(parser.claims(null)).isFalse();
    }

    @Test
    void claimsNoLineOfTheOtherParsersFixtures() {
        contract.claimsNone(FixtureCases.messages(FOREIGN_FIXTURES));
    }

    @Test
    void otherParsersClaimNoSquidLine() {
        contract.othersClaimNoneOfOurs(FixtureCases.lines(FIXTURES),
                List.of(new CiscoAsaParser(), new NetfilterParser()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bsd header with squid[pid] tag | <134>Nov 26 10:00:00 proxy1 squid[1234]: | proxy1",
        "pfSense (squid-1)[pid] tag     | <166>Nov 26 10:00:00 fw.example.net (squid-1)[6802]: | fw.example.net",
        "RFC 5424 with squid app name   | <134>1 2026-11-26T10:00:05.000Z proxy1 squid 1234 - - | proxy1",
        "OPNsense RFC 5424 with a BSD tag, epoch read as PROCID | <1>1 2026-11-26T10:00:05+01:00 opn.example.net (squid-1)[91300]: | opn.example.net",
        "cisco wsa push with Info prefix | <14>Nov 26 10:00:05 wsa1 accesslogs: Info: | wsa1",
    })
    void readsRecordsBehindSyslogHeaders(String name, String header, String host) {
        LineParser lines = new LineParser(parser, FixtureCases.CONTEXT);
        ParseResult r = lines.parse(header + " " + NATIVE);

        assertThat(r).as(name).isInstanceOf(ParseResult.Parsed.class);
        LogEvent e = ((ParseResult.Parsed) r).event();
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2024-11-26T10:00:00.123Z").toEpochMilli());
        assertThat(e.observerHostname()).isEqualTo(host);
        assertThat(e.sourceIp()).isEqualTo("10.0.0.5");
        assertThat(e.destinationIp()).isEqualTo("93.184.216.34");
        assertThat(e.fileName()).isEqualTo("setup.exe");
        assertThat(e.original()).isEqualTo(header + " " + NATIVE);
    }

    @Test
    void squidTaggedTextThatIsNoAccessRecordGivesTheDeviceAndTime() {
        LineParser lines = new LineParser(parser, FixtureCases.CONTEXT);
        String line = "<134>Nov 26 10:00:05 proxy1 squid[1234]: WARNING: disk cache is 95% full";

        LogEvent e = ((ParseResult.Parsed) lines.parse(line)).event();

        assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-11-26T10:00:05Z").toEpochMilli());
        assertThat(e.observerHostname()).isEqualTo("proxy1");
        assertThat(e.format()).isEqualTo("squid");
        assertThat(e.category()).isNull();
        assertThat(e.sourceIp()).isNull();
        assertThat(e.original()).isEqualTo(line);
    }

    @Test
    void squidTaggedRecordCutOffIsMalformed() {
        ParseResult r = new LineParser(parser, FixtureCases.CONTEXT)
                .parse("<134>Nov 26 10:00:05 proxy1 squid[1234]: 1732615200.123");

        assertThat(r).isInstanceOf(ParseResult.Malformed.class);
    }

    @Test
    void untaggedTextWithoutTimeUsesTheContextClock() {
        Instant now = Instant.parse("2027-01-02T03:04:05Z");
        ParseContext context = ParserContract.contextAt(now);

        LogEvent e = event(tagged("squid", "FATAL: no cache_dir"), context);

        assertThat(e.timestamp()).isEqualTo(now.toEpochMilli());
    }

    @Test
    void zonelessHttpdTimeIsInTheInputsZone() {
        ParseContext tokyo = new ParseContext(ZoneId.of("Asia/Tokyo"), Clock.systemUTC(), InternalNetworks.defaults());
        String line = "10.0.0.5 - - [26/Nov/2026:19:00:00] \"GET http://example.com/ HTTP/1.1\" 200 10";

        assertThat(event(SyslogMessage.bare(line), tokyo).timestamp())
                .isEqualTo(Instant.parse("2026-11-26T10:00:00Z").toEpochMilli());
    }

    @Test
    void fieldsTheNativeLineDoesNotCarryStayNull() {
        ParserContract.onlyCarried(event(SyslogMessage.bare(NATIVE), FixtureCases.CONTEXT), Set.of(
                "timestamp", "observerVendor", "observerProduct", "format", "category", "action", "outcome", "sourceIp",
                "destinationIp", "destinationPort", "direction", "hostIp", "durationNanos", "destinationBytes", "url",
                "urlDomain", "httpMethod", "httpStatus", "mimeType", "fileName", "original"));
    }

    @ParameterizedTest(name = "{0}/{1} via {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "TCP_MISS            | 200 | HIER_DIRECT/192.0.2.1     | allowed",
        "TCP_TUNNEL          | 200 | HIER_DIRECT/192.0.2.1     | allowed",
        "TCP_DENIED          | 403 | HIER_NONE/-               | denied",
        "TCP_DENIED          | 407 | HIER_NONE/-               | denied",
        "TCP_DENIED_REPLY    | 403 | HIER_DIRECT/192.0.2.1     | denied",
        "TCP_DENIED_ABORTED  | 403 | HIER_NONE/-               | denied",
        "UDP_DENIED          | 000 | NONE/-                    | denied",
        "NONE                | 403 | HIER_NONE/-               | denied",
        "TCP_MISS            | 403 | NONE/-                    | denied",
        "TCP_MISS            | 403 | HIER_DIRECT/192.0.2.1     | allowed",
        "TCP_MISS            | 403 | FIRST_PARENT_MISS/proxy1  | allowed",
        "TCP_NEGATIVE_HIT    | 403 | HIER_NONE/-               | allowed",
        "NONE_NONE           | 000 | HIER_NONE/-               | allowed",
        "TCP_MISS            | 503 | HIER_DIRECT/-             | allowed",
    })
    void outcomeComesFromTheResultCodeAndWhoAnswered(String code, String status, String hierarchy, String outcome) {
        String line = "1732615200.123 5 10.0.0.5 " + code + "/" + status + " 100 GET http://example.com/ - "
                + hierarchy + " text/html";

        LogEvent e = event(SyslogMessage.bare(line), FixtureCases.CONTEXT);

        assertThat(e.action()).isEqualTo(code);
        assertThat(e.outcome()).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "GET     | http://example.com/a/b/setup.exe            | example.com        | 80    | setup.exe",
        "GET     | https://EXAMPLE.com/dl/Tool.MSI?x=1#top     | example.com        | 443   | Tool.MSI",
        "GET     | http://user:pw@example.com:8080/x.js;jsid=1 | example.com        | 8080  | x.js",
        "GET     | ftp://ftp.example.org/pub/file.tar.gz       | ftp.example.org    | 21    | file.tar.gz",
        "GET     | ws://chat.example.org/socket                | chat.example.org   | 80    | null",
        "GET     | wss://chat.example.org/socket.io/           | chat.example.org   | 443   | null",
        "GET     | http://[2001:db8::1]/index.php              | 2001:db8::1        | 80    | index.php",
        "GET     | http://example.com                          | example.com        | 80    | null",
        "GET     | http://example.com?q=/a.exe                 | example.com        | 80    | null",
        "GET     | http://example.com/.hidden                  | example.com        | 80    | null",
        "GET     | http://example.com/file.                    | example.com        | 80    | null",
        "GET     | http://example.com:99999/a.exe              | example.com        | null  | a.exe",
        "GET     | gopher://example.com/x.txt                  | example.com        | null  | x.txt",
        "GET     | cache_object://localhost/info               | localhost          | null  | null",
        "GET     | /local/page.html                            | null               | null  | page.html",
        "GET     | error:invalid-request                       | null               | null  | null",
        "CONNECT | www.example.com:443                         | www.example.com    | 443   | null",
        "CONNECT | [2001:db8::2]:8443                          | 2001:db8::2        | 8443  | null",
        "CONNECT | 93.184.216.34:443                           | 93.184.216.34      | 443   | null",
        "CONNECT | noport.example.com:abc                      | noport.example.com | null  | null",
        "CONNECT | tunnel://www.example.com:443/               | www.example.com    | 443   | null",
    })
    void urlGivesDomainPortAndFileName(String method, String url, String domain, Integer port, String file) {
        String line = "1732615200.123 5 10.0.0.5 TCP_MISS/200 100 " + method + " " + url
                + " - HIER_DIRECT/93.184.216.34 -";

        LogEvent e = event(SyslogMessage.bare(line), FixtureCases.CONTEXT);

        assertThat(e.url()).isEqualTo(url);
        assertThat(e.urlDomain()).isEqualTo(domain);
        assertThat(e.destinationPort()).isEqualTo(port);
        assertThat(e.fileName()).isEqualTo(file);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1732615200.123       | 2024-11-26T10:00:00.123Z",
        "1732615200.987654321 | 2024-11-26T10:00:00.987Z",
        "973421337.543        | 2000-11-05T10:48:57.543Z",
        "1732615200           | 2024-11-26T10:00:00Z",
        "1732615200123        | 2024-11-26T10:00:00.123Z",
        "1732615200123456     | 2024-11-26T10:00:00.123Z",
        "1732615200123456789  | 2024-11-26T10:00:00.123Z",
    })
    void epochsInSecondsMillisMicrosAndNanos(String epoch, String time) {
        String line = epoch + " 5 10.0.0.5 TCP_MISS/200 100 GET http://example.com/ - HIER_DIRECT/192.0.2.1 -";

        assertThat(event(SyslogMessage.bare(line), FixtureCases.CONTEXT).timestamp())
                .isEqualTo(Instant.parse(time).toEpochMilli());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "CORP%5Cjsmith         | CORP\\jsmith",
        "j%C3%BCrgen           | jürgen",
        "john%20doe            | john doe",
        "100%                  | 100%",
        "a%zzb                 | a%zzb",
        "'\"EXAMPLE\\bob\"'    | EXAMPLE\\bob",
    })
    void userNamesAreUrlDecoded(String logged, String user) {
        String line = "1732615200.123 5 10.0.0.5 TCP_MISS/200 100 GET http://example.com/ " + logged
                + " HIER_DIRECT/192.0.2.1 -";

        assertThat(event(SyslogMessage.bare(line), FixtureCases.CONTEXT).userName()).isEqualTo(user);
    }

    @ParameterizedTest(name = "{2}: [{1}]")
    @CsvSource(delimiter = '|', value = {
        "' 195 '                  | ' 195x '             | not mine",
        "' 195 '                  | ' 99999999999999999 ' | elapsed time",
        "TCP_MISS/200             | TCP_MISS/20x         | HTTP status",
        "TCP_MISS/200             | TCP_MISS             | result code",
        "TCP_MISS/200             | TCP_MISS/2000        | HTTP status",
        "' 10473 '                | ' 10k '              | size",
        "' application/x-msdownload' | ''                | content type",
        "' - HIER_DIRECT/93.184.216.34 application/x-msdownload' | '' | user",
    })
    void malformedReasonNamesTheField(String good, String bad, String field) {
        ParseResult r = parser.parse(SyslogMessage.bare(NATIVE.replace(good, bad)), FixtureCases.CONTEXT);

        if (field.equals("not mine")) {
            assertThat(r).isInstanceOf(ParseResult.NotMine.class);
        } else {
            assertThat(r).isInstanceOfSatisfying(ParseResult.Malformed.class,
                    m -> assertThat(m.reason()).contains(field));
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "[26/Nov/2026:10:00:00 +0100]     | [26/Nov/2026:10:00:00 +1]  | time",
        "[26/Nov/2026:10:00:00 +0100]     | [26/Foo/2026:10:00:00 +0100] | time",
        "[26/Nov/2026:10:00:00 +0100]     | [26/Nov/2026:25:00:00 +0100] | time",
        "' 200 12345 '                    | ' 200 1x '                 | size",
        "'\"Mozilla/5.0\"'                | '\"Mozilla/5.0'            | closing quote",
    })
    void malformedCommonReasonNamesTheField(String good, String bad, String field) {
        String line = COMBINED.replace(good, bad);
        ParseResult r = parser.parse(SyslogMessage.bare(line), FixtureCases.CONTEXT);

        assertThat(r).as(line).isInstanceOfSatisfying(ParseResult.Malformed.class,
                m -> assertThat(m.reason()).contains(field));
    }

    @Test
    void neverThrowsOnTruncatedOrGarbledLines() {
        Random random = new Random(20261126);
        contract.damagedLines(FixtureCases.lines(FIXTURES), random, 300, GARBLE);
        contract.randomLines(random, 20_000, r -> RandomLines.noise(r,
                r.nextBoolean() ? "1732615200.123 " : "10.0.0.5 - - [",
                " \"[]/:.-_0123456789abcdefTCPMISHRD%\\", 160, 12));
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        contract.sameResultsOnThreads(ParserContract.bare(FixtureCases.lines(FIXTURES)), 300);
    }

    private static SyslogMessage tagged(String app, String message) {
        return new SyslogMessage("<134>Nov 26 10:00:05 proxy1 " + app + ": " + message, 134, SyslogMessage.NO_TIMESTAMP,
                "proxy1", app, null, message);
    }

    private LogEvent event(SyslogMessage m, ParseContext context) {
        ParseResult r = parser.parse(m, context);
        assertThat(r).as(m.message()).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).event();
    }
}
