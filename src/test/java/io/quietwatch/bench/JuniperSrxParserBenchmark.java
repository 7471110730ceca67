package io.quietwatch.bench;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.parse.JuniperSrxParser;
import io.quietwatch.parse.ParseContext;
import io.quietwatch.parse.ParseResult;
import io.quietwatch.parse.SyslogHeaderParser;
import io.quietwatch.parse.SyslogMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * Lines per second through {@link JuniperSrxParser} on one thread: structured RT_FLOW create, close and
 * deny messages as current Junos releases write them (about 1 KB each), and plain-text ones of the
 * old and new layouts, split by the header parser beforehand as the pipeline hands them over.
 * {@code claimsForeign} is the cost of auto-detection saying no to another vendor's line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JuniperSrxParserBenchmark {
    private static final String[] LINES = {
        "<14>1 2026-11-26T10:00:00.123+01:00 srx1 RT_FLOW - RT_FLOW_SESSION_CLOSE [junos@2636.1.1.1.2.40 "
            + "reason=\"TCP FIN\" source-address=\"10.0.0.5\" source-port=\"51234\" destination-address=\"203.0.113.7\" "
            + "destination-port=\"443\" connection-tag=\"0\" service-name=\"junos-https\" nat-source-address=\"198.51.100.1\" "
            + "nat-source-port=\"40123\" nat-destination-address=\"203.0.113.7\" nat-destination-port=\"443\" "
            + "nat-connection-tag=\"0\" src-nat-rule-type=\"source rule\" src-nat-rule-name=\"snat-out\" "
            + "dst-nat-rule-type=\"N/A\" dst-nat-rule-name=\"N/A\" protocol-id=\"6\" policy-name=\"trust-to-untrust\" "
            + "source-zone-name=\"trust\" destination-zone-name=\"untrust\" session-id-32=\"1234\" packets-from-client=\"10\" "
            + "bytes-from-client=\"1234\" packets-from-server=\"12\" bytes-from-server=\"5678\" elapsed-time=\"3605\" "
            + "application=\"SSL\" nested-application=\"UNKNOWN\" username=\"N/A\" roles=\"N/A\" "
            + "packet-incoming-interface=\"ge-0/0/1.0\" encrypted=\"No\" application-category=\"Web\" "
            + "application-sub-category=\"N/A\" application-risk=\"3\" application-characteristics=\"N/A\"]",
        "<14>1 2026-11-26T09:59:54.010Z srx1 RT_FLOW - RT_FLOW_SESSION_CREATE [junos@2636.1.1.1.2.129 "
            + "source-address=\"10.1.1.100\" source-port=\"49583\" destination-address=\"192.0.2.53\" destination-port=\"53\" "
            + "connection-tag=\"0\" service-name=\"junos-dns-udp\" nat-source-address=\"198.51.100.20\" "
            + "nat-source-port=\"30838\" nat-destination-address=\"192.0.2.53\" nat-destination-port=\"53\" "
            + "nat-connection-tag=\"0\" src-nat-rule-type=\"source rule\" src-nat-rule-name=\"our-nat-rule\" "
            + "dst-nat-rule-type=\"N/A\" dst-nat-rule-name=\"N/A\" protocol-id=\"17\" policy-name=\"default-permit\" "
            + "source-zone-name=\"trust\" destination-zone-name=\"untrust\" session-id-32=\"15399\" username=\"N/A\" "
            + "roles=\"N/A\" packet-incoming-interface=\"ge-0/0/1.0\" application=\"UNKNOWN\" "
            + "nested-application=\"UNKNOWN\" encrypted=\"UNKNOWN\" application-category=\"N/A\" "
            + "application-sub-category=\"N/A\" application-risk=\"1\" application-characteristics=\"N/A\" "
            + "src-vrf-grp=\"N/A\" dst-vrf-grp=\"N/A\"]",
        "<14>1 2026-11-26T11:12:46.573+01:00 SRX-GW1 RT_FLOW - RT_FLOW_SESSION_DENY [junos@2636.1.1.1.2.134 "
            + "source-address=\"203.0.113.26\" source-port=\"37233\" destination-address=\"10.128.0.1\" "
            + "destination-port=\"161\" connection-tag=\"0\" service-name=\"None\" protocol-id=\"17\" icmp-type=\"0\" "
            + "policy-name=\"MgmtAccess-cleanup\" source-zone-name=\"untrust\" destination-zone-name=\"junos-host\" "
            + "application=\"UNKNOWN\" nested-application=\"UNKNOWN\" username=\"N/A\" roles=\"N/A\" "
            + "packet-incoming-interface=\"ge-0/0/0.0\" encrypted=\"No\" reason=\"Denied by policy\" "
            + "session-id-32=\"7087\" application-category=\"N/A\" application-sub-category=\"N/A\" "
            + "application-risk=\"1\" application-characteristics=\"N/A\"]",
        "<14>Nov 26 10:15:02 FW7-Gi1 RT_FLOW: RT_FLOW_SESSION_CLOSE: session closed TCP CLIENT RST: "
            + "10.28.245.77/49706->203.0.113.156/443 0x0 junos-https 198.51.100.77/47698->203.0.113.156/443 0x0 "
            + "source rule internet_offload2 N/A N/A 6 internet offload2_ssr offload2_bgw 1357210026769 10(2358) "
            + "7(5379) 61 UNKNOWN UNKNOWN N/A(N/A) reth1.947 UNKNOWN N/A N/A -1 N/A NA 0 0.0.0.0/0->0.0.0.0/0 NA NA "
            + "N/A N/A Off root",
        "<14>Nov 26 10:15:03 FW7-Gi1 RT_FLOW: RT_FLOW_SESSION_CREATE: session created "
            + "10.1.37.45/41013->198.51.100.115/3306 0x0 None 10.1.37.45/41013->198.51.100.115/3306 0x0 N/A N/A N/A "
            + "N/A 6 1 V40 V30 1047299 N/A(N/A) reth2.0 UNKNOWN UNKNOWN UNKNOWN N/A N/A -1 N/A N/A N/A Off root",
        "<14>Nov 26 10:15:04 srx2 RT_FLOW: RT_FLOW_SESSION_DENY: session denied 203.0.113.5/8->10.2.2.9/0 0x0 icmp "
            + "1(8) deny-all untrust servers UNKNOWN UNKNOWN N/A(N/A) ge-0/0/1.0 No policy deny 0",
    };
    private static final SyslogMessage FOREIGN = SyslogMessage.bare(
            "%ASA-6-302013: Built inbound TCP connection 7 for outside:203.0.113.5/51234 (203.0.113.5/51234) "
                    + "to inside:10.1.1.2/22 (10.1.1.2/22)");

    private final JuniperSrxParser parser = new JuniperSrxParser();
    private final ParseContext context = new ParseContext(ZoneId.of("UTC"),
            Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneId.of("UTC")), InternalNetworks.defaults());
    private final SyslogMessage[] messages = new SyslogMessage[LINES.length];
    private int next;

    public JuniperSrxParserBenchmark() {
        SyslogHeaderParser header = new SyslogHeaderParser();
        for (int i = 0; i < LINES.length; i++) {
            messages[i] = header.parse(LINES[i], context);
            if (!(parser.parse(messages[i], context) instanceof ParseResult.Parsed)) {
                throw new IllegalStateException("benchmark line " + i + " does not parse");
            }
        }
    }

    /** One line of the mix per call. */
    @Benchmark
    public ParseResult parse() {
        SyslogMessage m = messages[next];
        next = next + 1 == messages.length ? 0 : next + 1;
        return parser.parse(m, context);
    }

    /** The marker test on a line of another vendor. */
    @Benchmark
    public boolean claimsForeign() {
        return parser.claims(FOREIGN);
    }
}
