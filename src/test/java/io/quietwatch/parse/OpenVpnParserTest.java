package io.quietwatch.parse;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OpenVpnParserTest {
    private static final String[] FIXTURES = {
        "/fixtures/openvpn/syslog.yaml", "/fixtures/openvpn/file.yaml", "/fixtures/openvpn/status.yaml",
        "/fixtures/openvpn/negative.yaml"};
    private static final OpenVpnParser PARSER = new OpenVpnParser();
    private static final SyslogHeaderParser HEADER = new SyslogHeaderParser();
    private static final ParseContext CONTEXT = FixtureCases.CONTEXT;
    /** Lines go through the syslog header parser first; markers may stand anywhere, so NotMine is not checked. */
    private static final ParserContract CONTRACT = ParserContract.of(PARSER, "unreadable")
            .views(line -> List.of(ParserContract.split(line))).claims(ParserContract.Claims.UNCHECKED);

    /** Whole lines as they arrive: syslog header (if any), then the OpenVPN message. */
    private static final String[] SAMPLES = {
        "<29>Nov 26 10:00:00 vpn1 openvpn[811]: 198.51.100.7:51234 [jdoe] Peer Connection Initiated with"
            + " [AF_INET]198.51.100.7:51234",
        "<29>Nov 26 10:00:00 vpn1 openvpn[811]: jdoe/198.51.100.7:51234 MULTI_sva: pool returned IPv4=10.8.0.6,"
            + " IPv6=(Not enabled)",
        "<29>Nov 26 10:00:00 vpn1 openvpn[811]: jdoe/198.51.100.7:51234 MULTI: primary virtual IP for"
            + " jdoe/198.51.100.7:51234: 10.8.0.6",
        "<29>Nov 26 10:00:00 vpn1 openvpn[811]: jdoe/198.51.100.7:51234 MULTI: Learn: 10.8.0.6 ->"
            + " jdoe/198.51.100.7:51234",
        "<29>Nov 26 11:00:00 vpn1 openvpn[811]: jdoe/198.51.100.7:51234 SIGTERM[soft,remote-exit] received,"
            + " client-instance exiting",
        "<29>Nov 26 10:00:00 vpn1 openvpn[811]: 198.51.100.66:40000 TLS Auth Error: Auth Username/Password"
            + " verification failed for peer",
        "<29>Nov 26 10:00:00 vpn1 openvpn[811]: jdoe/198.51.100.7:51234 SENT CONTROL [jdoe]: 'AUTH_FAILED,Account"
            + " expired' (status=1)",
        "<29>Nov 26 10:00:00 vpn1 openvpn[811]: 198.51.100.66:40000 VERIFY ERROR: depth=0, error=certificate"
            + " revoked: CN=jdoe",
        "<37>Nov 26 10:00:00 fw openvpn[5521]: user 'jdoe' authenticated",
        "2026-11-26 09:15:02 us=123456 jdoe/udp6:[2001:db8::7]:50123 MULTI_sva: pool returned IPv4=10.8.0.6,"
            + " IPv6=fd00::1000",
        "Thu Aug  6 16:39:47 2020 Victor Dorneanu/10.0.1.69:49994 [jdoe] Inactivity timeout (--ping-restart),"
            + " restarting",
        "1764148502.250000 1 jdoe/198.51.100.7:51234 Connection reset, restarting [0]",
        "CLIENT_LIST,jdoe,198.51.100.7:51234,10.8.0.6,,1234,5678,2026-11-26 09:00:00,1795683600,UNDEF,7,0,AES-256-GCM",
        "CLIENT_LIST\tbob\t192.0.2.80:40000\t10.8.0.14\t300\t400\tThu Nov 26 07:00:00 2026\t1795676400\tUNDEF",
        "ROUTING_TABLE,10.8.0.6C,jdoe,198.51.100.7:51234,2026-11-26 09:59:30,1795687170",
        "2022-04-29T10:51:22+0530 [stdout#info] [OVPN 4] OUT: '2022-04-29 05:21:22 mohit/198.51.100.1:16245"
            + " MULTI: Learn: 172.27.232.2 -> mohit/198.51.100.1:16245'",
    };

    @TestFactory
    Stream<DynamicTest> fixtures() {
        EventParser headerFirst = new HeaderFirst(PARSER);
        return Stream.of(FIXTURES).flatMap(f -> FixtureCases.tests(headerFirst, f).stream());
    }

    @Test
    void fixtureFilesHoldEnoughCases() {
        assertThat(FixtureCases.count(FIXTURES)).isGreaterThanOrEqualTo(60);
    }

    @Test
    void nameIsOpenvpn() {
        assertThat(PARSER.name()).isEqualTo("openvpn").isEqualTo(OpenVpnParser.NAME);
    }

    @Test
    void claimsTaggedLinesStatusRecordsAndSessionMarkers() {
        assertThat(PARSER.claims(tagged("openvpn", "Initialization Sequence Completed"))).isTrue();
        assertThat(PARSER.claims(tagged("ovpn-server", "anything"))).isTrue();
        assertThat(PARSER.claims(tagged("openvpn-server@server", "anything"))).isTrue();
        assertThat(PARSER.claims(tagged("openvpn_server1", "anything"))).isTrue();
        assertThat(PARSER.claims(bare("CLIENT_LIST,jdoe,198.51.100.7:51234,10.8.0.6"))).isTrue();
        assertThat(PARSER.claims(bare("ROUTING_TABLE\t10.8.0.6\tjdoe"))).isTrue();
        assertThat(PARSER.claims(bare("x/1.2.3.4:5 MULTI_sva: pool returned IPv4=10.8.0.6"))).isTrue();
        assertThat(PARSER.claims(bare("x/1.2.3.4:5 MULTI: Learn: 10.8.0.6 -> x/1.2.3.4:5"))).isTrue();
        assertThat(PARSER.claims(bare("1.2.3.4:5 [x] Peer Connection Initiated with [AF_INET]1.2.3.4:5"))).isTrue();
        assertThat(PARSER.claims(bare("2026-11-26 10:00:00 x/1.2.3.4:5 SIGTERM[soft,remote-exit] received,"
                + " client-instance exiting"))).isTrue();
        assertThat(PARSER.claims(bare("Thu Nov 26 10:00:00 2026 1.2.3.4:5 TLS Auth Error: Auth failed"))).isTrue();
        assertThat(PARSER.claims(bare("2026-11-26 10:00:00 Initialization Sequence Completed"))).isFalse();
        assertThat(PARSER.claims(bare("x/1.2.3.4:5 SIGTERM[soft,remote-exit] received, client-instance exiting")))
                .isFalse();
        assertThat(PARSER.claims(bare("[stdout#info] [OVPN 0] OUT: 'x/1.2.3.4:5 SIGTERM[soft,remote-exit] received,"
                + " client-instance exiting'"))).isTrue();
        assertThat(PARSER.claims(bare("MULTIPLE choices"))).isFalse();
        assertThat(PARSER.claims(bare("CLIENT_LISTING"))).isFalse();
        assertThat(PARSER.claims(null)).isFalse();
        assertThat(PARSER.claims(new SyslogMessage("x", -1, SyslogMessage.NO_TIMESTAMP, null, "openvpn", null, null)))
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("foreignLines")
    void doesNotClaimOtherVendorsLines(SyslogMessage m) {
        CONTRACT.claimsNone(List.of(m));
    }

    static Stream<Named<SyslogMessage>> foreignLines() {
        return ParserContract.foreignLines(OpenVpnParser.NAME);
    }

    @Test
    void aSessionIsFollowedFromLoginToExitUnderOneUserAndAddress() {
        List<LogEvent> events = Stream.of(SAMPLES[0], SAMPLES[1], SAMPLES[2], SAMPLES[4])
                .map(OpenVpnParserTest::event).toList();
        assertThat(events).extracting(LogEvent::userName).containsOnly("jdoe");
        assertThat(events).extracting(LogEvent::sourceIp).containsOnly("198.51.100.7");
        assertThat(events).extracting(LogEvent::sourcePort).containsOnly(51234);
        assertThat(events).extracting(LogEvent::category).containsOnly(LogEvent.CATEGORY_SESSION);
        assertThat(events).extracting(LogEvent::phase)
                .containsExactly(LogEvent.START, LogEvent.START, LogEvent.START, LogEvent.END);
        assertThat(events).extracting(LogEvent::assignedIp).containsExactly(null, "10.8.0.6", "10.8.0.6", null);
    }

    @Test
    void ownStampsAreLocalTimeOfTheInputsZoneButEpochsAreAbsolute() {
        ParseContext tokyo = new ParseContext(ZoneId.of("Asia/Tokyo"), CONTEXT.clock(), InternalNetworks.defaults());
        assertThat(event("2026-11-26 09:15:02 jdoe/198.51.100.7:51234 Connection reset, restarting [0]", tokyo)
                .timestamp()).isEqualTo(Instant.parse("2026-11-26T00:15:02Z").toEpochMilli());
        assertThat(event("Thu Nov 26 09:15:02 2026 jdoe/198.51.100.7:51234 Connection reset, restarting [0]", tokyo)
                .timestamp()).isEqualTo(Instant.parse("2026-11-26T00:15:02Z").toEpochMilli());
        assertThat(event(SAMPLES[12], tokyo).timestamp())
                .isEqualTo(Instant.parse("2026-11-26T09:00:00Z").toEpochMilli());
        assertThat(event("CLIENT_LIST,jdoe,198.51.100.7:51234,10.8.0.6,,1,2,2026-11-26 09:00:00,,UNDEF,7,0,X", tokyo)
                .timestamp()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z").toEpochMilli());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1795683600, 2026-11-26T09:00:00Z",
        "1795683600250, 2026-11-26T09:00:00.250Z",
        "1795683600250000, 2026-11-26T09:00:00.250Z",
        "1795683600250000000, 2026-11-26T09:00:00.250Z",
    })
    void epochsInAnyUnitAreRecognisedBySize(String epoch, String expected) {
        String line = "ROUTING_TABLE,10.8.0.6,jdoe,198.51.100.7:51234,2026-11-26 09:59:30," + epoch;
        assertThat(Instant.ofEpochMilli(event(line, CONTEXT).timestamp())).isEqualTo(Instant.parse(expected));
    }

    @Test
    void timeFallsBackToTheHeaderThenToTheContextClock() {
        Instant now = Instant.parse("2030-01-02T03:04:05Z");
        ParseContext context = ParserContract.contextAt(now);
        assertThat(event(SAMPLES[1], context).timestamp())
                .isEqualTo(Instant.parse("2029-11-26T10:00:00Z").toEpochMilli());
        assertThat(event("jdoe/198.51.100.7:51234 MULTI: Learn: 10.8.0.6 -> jdoe/198.51.100.7:51234", context)
                .timestamp()).isEqualTo(now.toEpochMilli());
    }

    @Test
    void malformedReasonsNameTheField() {
        assertThat(reason("CLIENT_LIST,jdoe,198.51.100.7:51234,10.8.0.6")).contains("CLIENT_LIST").contains("fields");
        assertThat(reason("CLIENT_LIST,jdoe,nowhere,10.8.0.6,,1,2,x,1,UNDEF")).contains("Real Address");
        assertThat(reason("CLIENT_LIST,jdoe,1.2.3.4:5,10.8.0.6,,1,two,x,1,UNDEF")).contains("Bytes Sent");
        assertThat(reason("CLIENT_LIST,jdoe,1.2.3.4:5,10.8.0,,1,2,x,1,UNDEF")).contains("Virtual Address");
        assertThat(reason("ROUTING_TABLE,10.8.0.6,jdoe")).contains("ROUTING_TABLE");
        assertThat(reason("jdoe/1.2.3.4:5 MULTI_sva: pool returned IPv4=x, IPv6=y")).contains("MULTI_sva");
    }

    @Test
    void everyPrefixOfAValidLineIsReadWithoutReachingTheSafetyNet() {
        for (String line : SAMPLES) {
            assertThat(parse(line, CONTEXT)).as(line).isInstanceOf(ParseResult.Parsed.class);
            for (int len = 0; len < line.length(); len++) {
                CONTRACT.check(line.substring(0, len));
            }
        }
    }

    @Test
    void randomGarbageNeverThrows() {
        String[] heads = {"<29>Nov 26 10:00:00 vpn1 openvpn[811]: ", "2026-11-26 09:15:02 ", "Thu Nov 26 09:15:02 2026 ",
            "[stdout#info] [OVPN 0] OUT: '", "[stdout#info] OUT: \"2026-11-26 09:15:02 ",
            "1764148502.250000 1 ", "CLIENT_LIST,", "ROUTING_TABLE\t", "HEADER,", ""};
        String[] pieces = {"jdoe", "/", "198.51.100.7", ":", "51234", "[", "]", "[AF_INET]", "[AF_INET6]", "udp4:",
            "tcp6-server:", "2001:db8::7", "::ffff:", " ", ",", "\t", "'", "MULTI_sva: pool returned IPv4=", ", IPv6=",
            "MULTI: primary virtual IP for ", "MULTI: Learn: ", " -> ", "Peer Connection Initiated with ", "SIGTERM[",
            "soft,", "] received, client-instance ", "exiting", "TLS Auth Error: ", "SENT CONTROL [", "AUTH_FAILED",
            "VERIFY ERROR: depth=0, error=", "CN=", "user '", "' authenticated", "Inactivity timeout (", ")",
            "TLS: Username/Password authentication succeeded for username '", "UNDEF", "10.8.0.6", "C",
            "2026-11-26 09:00:00", "99999999999999999999", "1795683600", "peer-id=3 ", "x"};
        CONTRACT.randomLines(new Random(1194L), 20_000,
                r -> RandomLines.pieces(r, heads[r.nextInt(heads.length)], pieces));
    }

    @Test
    void randomlyDamagedValidLinesNeverThrow() {
        String alphabet = "0123456789abcdef:/[]() ,.'-=_\tCLIENT_MULTI";
        CONTRACT.randomLines(new Random(2026L), 20_000,
                r -> RandomLines.damaged(r, SAMPLES[r.nextInt(SAMPLES.length)], alphabet));
    }

    @Test
    void oneInstanceParsesFromSeveralThreadsAlike() throws Exception {
        CONTRACT.sameResultsOnThreads(Stream.of(SAMPLES).map(ParserContract::split).toList(), 2_000);
    }

    /** Reads the syslog header first, as {@link LineParser} does, so fixtures can carry the tag. */
    private record HeaderFirst(EventParser parser) implements EventParser {
        @Override
        public String name() {
            return parser.name();
        }

        @Override
        public boolean claims(SyslogMessage message) {
            return parser.claims(HEADER.parse(message.original(), CONTEXT));
        }

        @Override
        public ParseResult parse(SyslogMessage message, ParseContext context) {
            return parser.parse(HEADER.parse(message.original(), context), context);
        }
    }

    private static SyslogMessage tagged(String app, String message) {
        return new SyslogMessage(message, -1, SyslogMessage.NO_TIMESTAMP, null, app, null, message);
    }

    private static SyslogMessage bare(String message) {
        return SyslogMessage.bare(message);
    }

    private static ParseResult parse(String line, ParseContext context) {
        return PARSER.parse(HEADER.parse(line, context), context);
    }

    private static String reason(String line) {
        ParseResult result = parse(line, CONTEXT);
        assertThat(result).as(line).isInstanceOf(ParseResult.Malformed.class);
        return ((ParseResult.Malformed) result).reason();
    }

    private static LogEvent event(String line) {
        return event(line, CONTEXT);
    }

    private static LogEvent event(String line, ParseContext context) {
        ParseResult result = parse(line, context);
        assertThat(result).as(line).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).event();
    }
}
