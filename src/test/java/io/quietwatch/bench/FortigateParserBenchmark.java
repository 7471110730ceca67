package io.quietwatch.bench;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.parse.FortigateParser;
import io.quietwatch.parse.ParseContext;
import io.quietwatch.parse.ParseResult;
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
 * Lines per second through {@link FortigateParser} on one thread: a mix of FortiOS 6.2-7.x lines as
 * devices send them (400-950 characters; forward traffic with NAT, UDP end, policy deny, local-in,
 * web filter block, application control with a long URL and user agent, SSL-VPN tunnel up and down),
 * with their syslog headers already split off. {@code claimsForeign} is the cost of auto-detection
 * saying no to another vendor's line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FortigateParserBenchmark {
    private static final String[] LINES = {
        "date=2024-05-02 time=08:31:47 devname=\"FGT-HQ\" devid=\"FG100FTK20001234\" "
            + "eventtime=1714631507123456789 tz=\"+0200\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" "
            + "level=\"notice\" vd=\"root\" srcip=192.168.10.23 srcport=51544 srcintf=\"internal\" "
            + "srcintfrole=\"lan\" dstip=93.184.216.34 dstport=443 dstintf=\"wan1\" dstintfrole=\"wan\" "
            + "srccountry=\"Reserved\" dstcountry=\"United States\" sessionid=8812734 proto=6 action=\"close\" "
            + "policyid=12 policytype=\"policy\" poluuid=\"7c1d0f6a-08b2-51ef-4d3b-9a2f1c0b7e11\" policyname=\"LAN "
            + "to Internet\" service=\"HTTPS\" trandisp=\"snat\" transip=203.0.113.7 transport=61544 appid=40568 "
            + "app=\"HTTPS.BROWSER\" appcat=\"Web.Client\" apprisk=\"medium\" applist=\"default\" duration=7384 "
            + "sentbyte=18234 rcvdbyte=4412876 sentpkt=211 rcvdpkt=3120 vwlid=0 utmaction=\"allow\" countapp=1 "
            + "osname=\"Windows\" mastersrcmac=\"00:0c:29:aa:bb:cc\" srcmac=\"00:0c:29:aa:bb:cc\" srcserver=0",
        "date=2024-05-02 time=08:40:02 devname=\"FGT-HQ\" devid=\"FG100FTK20001234\" "
            + "eventtime=1714632002551200000 tz=\"+0200\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" "
            + "level=\"notice\" vd=\"root\" srcip=192.168.10.40 srcport=53211 srcintf=\"internal\" "
            + "srcintfrole=\"lan\" dstip=8.8.8.8 dstport=53 dstintf=\"wan1\" dstintfrole=\"wan\" sessionid=8813001 "
            + "proto=17 action=\"accept\" policyid=12 policytype=\"policy\" service=\"DNS\" trandisp=\"snat\" "
            + "transip=203.0.113.7 transport=62001 duration=180 sentbyte=74 rcvdbyte=190 sentpkt=1 rcvdpkt=1 "
            + "appcat=\"unscanned\"",
        "date=2023-05-02 time=08:31:47 devname=\"firewall\" devid=\"FG10011121905111\" "
            + "eventtime=1683012706143815633 tz=\"+0200\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" "
            + "level=\"notice\" vd=\"root\" srcip=10.10.10.6 srcname=\"PC-0042\" srcport=61031 srcintf=\"VLAN22\" "
            + "srcintfrole=\"lan\" dstip=10.10.20.18 dstport=7680 dstintf=\"VLAN10\" dstintfrole=\"lan\" "
            + "srccountry=\"Reserved\" dstcountry=\"Reserved\" sessionid=214919072 proto=6 action=\"deny\" "
            + "policyid=0 policytype=\"policy\" service=\"tcp/7680\" trandisp=\"noop\" duration=0 sentbyte=0 "
            + "rcvdbyte=0 sentpkt=0 appcat=\"unscanned\" crscore=30 craction=131072 crlevel=\"high\" "
            + "unauthuser=\"JDOE\" unauthusersource=\"kerberos\"",
        "date=2019-05-10 time=11:50:48 logid=\"0001000014\" type=\"traffic\" subtype=\"local\" level=\"notice\" "
            + "vd=\"vdom1\" eventtime=1557514248379911176 srcip=172.16.200.254 srcport=62024 srcintf=\"port11\" "
            + "srcintfrole=\"undefined\" dstip=172.16.200.2 dstport=443 dstintf=\"vdom1\" dstintfrole=\"undefined\" "
            + "sessionid=107478 proto=6 action=\"server-rst\" policyid=0 policytype=\"local-in-policy\" "
            + "service=\"HTTPS\" dstcountry=\"Reserved\" srccountry=\"Reserved\" trandisp=\"noop\" app=\"Web "
            + "Management(HTTPS)\" duration=5 sentbyte=1247 rcvdbyte=1719 sentpkt=5 rcvdpkt=6 "
            + "appcat=\"unscanned\"",
        "date=2024-04-23 time=12:17:48 devname=\"FGT-HQ\" devid=\"FG100FTK20001234\" logid=\"0316013056\" "
            + "type=\"utm\" subtype=\"webfilter\" eventtype=\"ftgd_blk\" level=\"warning\" vd=\"root\" "
            + "eventtime=1713892668052907555 tz=\"-0500\" policyid=100602 sessionid=1234 user=\"carol\" "
            + "group=\"staff\" authserver=\"AD\" srcip=192.168.2.10 srcport=61930 srcintf=\"port1\" "
            + "srcintfrole=\"lan\" dstip=203.0.113.13 dstport=443 dstintf=\"wan1\" dstintfrole=\"wan\" proto=6 "
            + "service=\"HTTPS\" hostname=\"voip.example.net\" profile=\"office\" action=\"blocked\" "
            + "reqtype=\"direct\" "
            + "url=\"/config/\" sentbyte=1152 rcvdbyte=1130 direction=\"outgoing\" msg=\"URL belongs to a denied "
            + "category in policy\" method=\"domain\" cat=76 catdesc=\"Internet Telephony\"",
        "date=2024-10-15 time=10:29:59 devname=\"MYDEV\" devid=\"FGT1000000000008\" "
            + "eventtime=1728980999046121575 tz=\"+0200\" logid=\"1059028704\" type=\"utm\" subtype=\"app-ctrl\" "
            + "eventtype=\"signature\" level=\"information\" vd=\"MYVDOM\" appid=34039 srcip=10.1.2.3 "
            + "srccountry=\"Reserved\" dstip=198.51.100.201 dstcountry=\"United States\" srcport=61745 "
            + "dstport=443 srcintf=\"IN_1111\" srcintfrole=\"lan\" dstintf=\"OUT_2222\" dstintfrole=\"lan\" proto=6 "
            + "service=\"HTTPS\" direction=\"outgoing\" policyid=61 policytype=\"policy\" sessionid=676201234 "
            + "applist=\"my-app-ctl\" action=\"pass\" appcat=\"Web.Client\" app=\"HTTP.BROWSER_Chrome\" "
            + "hostname=\"region1.analytics.example\" incidentserialno=326123456 "
            + "url=\"/g/collect?v=2&tid=G-XXXX&en=page_view,scroll&sr=1920x1080\" agent=\"Mozilla/5.0 (Windows "
            + "NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36\" "
            + "httpmethod=\"POST\" referralurl=\"https://example.com/\" msg=\"Web.Client: HTTP.BROWSER_Chrome\" "
            + "apprisk=\"elevated\"",
        "date=2024-03-04 time=08:12:01 devname=\"FGT-HQ\" devid=\"FG100FTK20001234\" "
            + "eventtime=1709536321698970007 tz=\"+0100\" logid=\"0101039947\" type=\"event\" subtype=\"vpn\" "
            + "level=\"information\" vd=\"root\" logdesc=\"SSL VPN tunnel up\" action=\"tunnel-up\" "
            + "tunneltype=\"ssl-tunnel\" tunnelid=2345 remip=198.51.100.77 tunnelip=10.212.134.200 user=\"dave\" "
            + "group=\"vpn-users\" dst_host=\"N/A\" reason=\"tunnel established\" msg=\"SSL tunnel established\"",
        "date=2024-03-04 time=10:12:05 devname=\"FGT-HQ\" devid=\"FG100FTK20001234\" "
            + "eventtime=1709543525000000000 tz=\"+0100\" logid=\"0101039948\" type=\"event\" subtype=\"vpn\" "
            + "level=\"information\" vd=\"root\" logdesc=\"SSL VPN tunnel down\" action=\"tunnel-down\" "
            + "tunneltype=\"ssl-tunnel\" tunnelid=2345 remip=198.51.100.77 tunnelip=10.212.134.200 user=\"dave\" "
            + "group=\"vpn-users\" dst_host=\"N/A\" reason=\"N/A\" duration=7204 sentbyte=1843200 rcvdbyte=25900000 "
            + "msg=\"SSL tunnel shutdown\"",
    };
    private static final SyslogMessage FOREIGN = SyslogMessage.bare(
            "%ASA-6-302013: Built inbound TCP connection 7 for outside:203.0.113.5/51234 (203.0.113.5/51234) "
                    + "to inside:10.1.1.2/22 (10.1.1.2/22)");

    private final FortigateParser parser = new FortigateParser();
    private final ParseContext context = new ParseContext(ZoneId.of("UTC"),
            Clock.fixed(Instant.parse("2024-05-02T12:00:00Z"), ZoneId.of("UTC")), InternalNetworks.defaults());
    private final SyslogMessage[] messages = new SyslogMessage[LINES.length];
    private int next;

    public FortigateParserBenchmark() {
        for (int i = 0; i < LINES.length; i++) {
            messages[i] = new SyslogMessage("<189>" + LINES[i], 189, SyslogMessage.NO_TIMESTAMP, null, null, null,
                    LINES[i]);
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
