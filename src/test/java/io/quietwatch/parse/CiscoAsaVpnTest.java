package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The remote-access VPN readers of {@link CiscoAsaParser}; their fixtures are in {@code cisco-asa/vpn.yaml}. */
class CiscoAsaVpnTest {
    private static final CiscoAsaParser PARSER = new CiscoAsaParser();
    private static final ParseContext CONTEXT = FixtureCases.CONTEXT;
    /** ASA markers may stand anywhere in a line, so only totality is checked, not NotMine. */
    private static final ParserContract CONTRACT = ParserContract.of(PARSER, "unreadable")
            .claims(ParserContract.Claims.UNCHECKED);

    /** Valid lines, each with the text that ends just before its last required field. */
    private static final String[][] SAMPLES = {
        {"%ASA-6-722051: Group <GP> User <jdoe> IP <198.51.100.7> IPv4 Address <10.8.0.12> IPv6 address <::>"
                + " assigned to session", "IPv4 Address <"},
        {"%ASA-6-722051: Group GP User jdoe IP 198.51.100.7 Address 10.8.0.13 assigned to session", "Address "},
        {"%ASA-6-722022: Group <GP> User <jdoe> IP <198.51.100.7> TCP SVC connection established without"
                + " compression", "IP <"},
        {"%ASA-6-722023: Group <GP> User <jdoe> IP <198.51.100.7> UDP SVC connection terminated without"
                + " compression", "IP <"},
        {"%ASA-5-722037: Group <GP> User <jdoe> IP <198.51.100.7> SVC closing connection: DPD failure.", "IP <"},
        {"%ASA-6-113039: Group <GP> User <jdoe> IP <198.51.100.7> AnyConnect parent session started.", "IP <"},
        {"%ASA-6-716001: Group <GP> User <jdoe> IP <198.51.100.7> WebVPN session started.", "IP <"},
        {"%ASA-6-716002: Group GP User jdoe IP 198.51.100.7 WebVPN session terminated: User Requested.", "IP "},
        {"%ASA-4-722041: TunnelGroup <TG> GroupPolicy <GP> User <jdoe> IP <198.51.100.7> No IPv6 address"
                + " available for SVC connection", "IP <"},
        {"%ASA-4-113019: Group = GP, Username = jdoe, IP = 198.51.100.7, Session disconnected. Session Type:"
                + " SSL, Duration: 1d 2h:03m:04s, Bytes xmt: 1234, Bytes rcv: 5678, Reason: Idle Timeout",
            "Bytes rcv: "},
        {"%ASA-6-113005: AAA user authentication Rejected : reason = Invalid password : server = 10.1.1.1 :"
                + " user = jdoe : user IP = 198.51.100.7", "AAA user authentication "},
        {"%ASA-6-716039: Group <GP> User <eve> IP <198.51.100.66> Authentication: rejected, Session Type:"
                + " WebVPN.", "IP <"},
        {"%ASA-6-734001: DAP: User jdoe, Addr 198.51.100.7, Connection AnyConnect: The following DAP records"
                + " were selected for this connection: dap_1", "Addr "},
        {"%ASA-6-751025: Local:203.0.113.10:4500 Remote:198.51.100.25:50466 Username:alice IKEv2"
                + " Group:GP IPv4 Address=172.16.58.30 IPv6 address=::", "IPv4 Address="},
    };

    @Test
    void aSessionIsFollowedFromLoginToLogoutUnderOneUserAndAddress() {
        List<String> lines = List.of(
                "%ASA-6-113039: Group <GP> User <jdoe> IP <198.51.100.7> AnyConnect parent session started.",
                "%ASA-6-722022: Group <GP> User <jdoe> IP <198.51.100.7> TCP SVC connection established without"
                        + " compression",
                "%ASA-6-722051: Group <GP> User <jdoe> IP <198.51.100.7> IPv4 Address <10.8.0.12> IPv6 address"
                        + " <::> assigned to session",
                "%ASA-6-722023: Group <GP> User <jdoe> IP <198.51.100.7> TCP SVC connection terminated without"
                        + " compression",
                "%ASA-4-113019: Group = GP, Username = jdoe, IP = 198.51.100.7, Session disconnected. Session"
                        + " Type: SSL, Duration: 0h:10m:00s, Bytes xmt: 10, Bytes rcv: 20, Reason: User Requested");
        List<LogEvent> events = lines.stream().map(CiscoAsaVpnTest::event).toList();
        assertThat(events).extracting(LogEvent::userName).containsOnly("jdoe");
        assertThat(events).extracting(LogEvent::sourceIp).containsOnly("198.51.100.7");
        assertThat(events).extracting(LogEvent::category).containsOnly(LogEvent.CATEGORY_SESSION);
        assertThat(events).extracting(LogEvent::phase)
                .containsExactly(LogEvent.START, LogEvent.START, LogEvent.START, LogEvent.END, LogEvent.END);
        assertThat(events.get(2).assignedIp()).isEqualTo("10.8.0.12");
        assertThat(events.get(2).hostIp()).isEqualTo("10.8.0.12");
        assertThat(events.get(4).durationSeconds()).isEqualTo(600L);
    }

    @Test
    void malformedReasonsNameTheMessageAndTheField() {
        assertThat(reason("%ASA-6-722051: Group <GP> User <jdoe> IP <198.51.100.7> IPv4 Address <ten> IPv6"
                + " address <::> assigned to session")).startsWith("ASA 722051: ").contains("assigned IPv4 address");
        assertThat(reason("%ASA-6-113039: Group <GP> User <jdoe> IP <nowhere> AnyConnect parent session started."))
                .contains("IP is not an IP address");
        assertThat(reason("%ASA-4-113019: Group = GP, Username = jdoe, IP = 198.51.100.7, Session disconnected."
                + " Duration: 1h:61m:00s, Bytes xmt: 1, Bytes rcv: 1")).contains("duration is not");
        assertThat(reason("%ASA-6-113005: AAA user authentication Maybe : user = x")).contains("AAA result");
        assertThat(reason("%ASA-6-716001: Group <GP> User <jdoe IP 198.51.100.7")).contains("unclosed '<'");
    }

    @Test
    void truncatedLinesAreMalformedUntilTheLastRequiredFieldAndNeverThrow() {
        CiscoAsaParserTest.malformedUntilTheLastRequiredField(SAMPLES);
    }

    @Test
    void randomGarbageAfterTheMarkerNeverThrows() {
        String[] ids = {"722051", "751025", "722022", "722023", "722037", "113039", "716001", "716002", "722041",
            "716039", "734001", "113019", "113004", "113005", "113012", "113015", "722028", "713049"};
        String[] pieces = {"Group ", "User ", "IP ", "<", ">", "<GP>", "<jdoe>", "<198.51.100.7>", "IPv4 ", "IPv6 ",
            "Address ", "address ", "TunnelGroup ", "GroupPolicy ", "= ", ", ", "Username = ", ", IP = ",
            "Duration: ", "1h:02m:03s", "1d ", "0:00:01", "Bytes xmt: ", "Bytes rcv: ", "Reason: ", "AAA ", "user ",
            "authentication ", "Successful ", "Rejected ", "reason = ", "server = ", "user IP = ", "local database",
            "DAP: ", ", Addr ", "connection: ", "Local:", "Remote:", "Username:", " Group:", "Address=", "address=",
            "10.8.0.1", "2001:db8::1", "::", "0.0.0.0", ":", " ", "  ", ".", "*****", "99999999999999999999", "x"};
        CONTRACT.randomLines(new Random(722051L), 20_000,
                r -> RandomLines.pieces(r, "%ASA-6-" + ids[r.nextInt(ids.length)] + ": ", pieces));
    }

    @Test
    void randomlyDamagedValidLinesNeverThrow() {
        String alphabet = "0123456789abc:/()<> ,.=-hms%dASA";
        CONTRACT.randomLines(new Random(113019L), 20_000,
                r -> RandomLines.damaged(r, SAMPLES[r.nextInt(SAMPLES.length)][0], alphabet));
    }

    private static String reason(String line) {
        ParseResult result = PARSER.parse(SyslogMessage.bare(line), CONTEXT);
        assertThat(result).as(line).isInstanceOf(ParseResult.Malformed.class);
        return ((ParseResult.Malformed) result).reason();
    }

    private static LogEvent event(String line) {
        ParseResult result = PARSER.parse(SyslogMessage.bare(line), CONTEXT);
        assertThat(result).as(line).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).event();
    }
}
