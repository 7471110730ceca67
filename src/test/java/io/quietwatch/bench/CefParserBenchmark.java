package io.quietwatch.bench;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.parse.CefParser;
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
 * Lines per second through {@link CefParser} on one thread: a mix of FortiGate, PAN-OS, Check Point,
 * Forcepoint and Zscaler (firewall and web) CEF records as the vendors write them, with their syslog
 * headers already split off. {@code claimsForeign} is the cost of auto-detection saying no to another
 * vendor's line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CefParserBenchmark {
    private static final long HEADER_TIME = Instant.parse("2026-11-26T10:00:00Z").toEpochMilli();
    private static final String[] LINES = {
        "CEF:0|Fortinet|Fortigate|v6.4.8|00013|traffic:forward close|3|FTNTFGTlogid=0000000013 cat=traffic:forward "
            + "FTNTFGTsubtype=forward FTNTFGTlevel=notice FTNTFGTvd=root src=192.168.1.183 shost=192.168.1.183 "
            + "spt=45719 deviceInboundInterface=port15 dst=93.184.216.34 dhost=93.184.216.34 dpt=443 "
            + "deviceOutboundInterface=wan1 FTNTFGTpoluuid=61c4243a-34ba-51e5-c32a-3859389a5162 externalId=56633 "
            + "proto=6 act=close cs5=10 cs5Label=Policy Id FTNTFGTdstcountry=United States FTNTFGTsrccountry=Reserved "
            + "FTNTFGTtrandisp=snat sourceTranslatedAddress=198.51.100.7 sourceTranslatedPort=45719 app=HTTPS "
            + "cn1=7 cn1Label=Duration out=398 in=1605 cn2=5 cn2Label=Packets Sent cn3=5 cn3Label=Packets Received",
        "CEF:0|Palo Alto Networks|PAN-OS|10.1.6|end|TRAFFIC|1|rt=Nov 26 2026 09:14:02 GMT "
            + "deviceExternalId=013201001234 src=192.168.20.33 dst=203.0.113.80 sourceTranslatedAddress=198.51.100.7 "
            + "destinationTranslatedAddress=203.0.113.80 cs1Label=Rule cs1=outbound-any suser=corp\\\\alice duser= "
            + "app=ssl cs3Label=Virtual System cs3=vsys1 cs4Label=Source Zone cs4=inside cs5Label=Destination Zone "
            + "cs5=outside deviceInboundInterface=ethernet1/3 deviceOutboundInterface=ethernet1/1 cs6Label=LogProfile "
            + "cs6=siem cn1Label=SessionID cn1=118294 cnt=1 spt=50522 dpt=443 sourceTranslatedPort=21877 "
            + "destinationTranslatedPort=443 flexString1Label=Flags flexString1=0x400019 proto=tcp act=allow "
            + "flexNumber1Label=Total bytes flexNumber1=9912 in=1215 out=8697 cn2Label=Packets cn2=22 "
            + "start=Nov 26 2026 08:14:01 GMT cn3Label=Elapsed time in seconds cn3=3601 cs2Label=URL Category "
            + "cs2=computer-and-internet-info externalId=7230113 reason=tcp-fin dvchost=pa-edge-1 cat=from-policy",
        "CEF:0|Check Point|VPN-1 & FireWall-1|Check Point|Log|https|Unknown|act=Accept "
            + "destinationTranslatedAddress=0.0.0.0 destinationTranslatedPort=0 deviceDirection=1 rt=1764151200000 "
            + "sourceTranslatedAddress=198.51.100.254 sourceTranslatedPort=35398 spt=49363 dpt=443 "
            + "cs2Label=Rule Name cs2=Web Access layer_name=Network match_id=4 parent_rule=0 rule_action=Accept "
            + "ifname=eth0 logid=0 origin=192.168.101.254 originsicname=CN\\=R80,O\\=R80_M..6u6bdo sequencenum=1 "
            + "version=5 dst=52.173.84.157 inzone=Internal outzone=External proto=6 service_id=https "
            + "src=192.168.101.100",
        "CEF:0|FORCEPOINT|Firewall|6.6.1|70019|Connection_Discarded|0|deviceExternalId=Firewall-10 node 1 "
            + "dvc=10.1.1.10 dvchost=fw-10 src=203.0.113.77 dst=192.168.1.20 spt=51544 dpt=3389 proto=6 "
            + "deviceOutboundInterface=255 deviceFacility=Packet Filtering rt=Nov 26 2026 08:56:21 "
            + "app=RDP (TCP) cs1Label=RuleID cs1=605.0",
        "CEF:0|Zscaler|NSSWeblog|5.7|Allowed|Allowed|3|act=Allowed Severity=3 name=Allowed "
            + "deviceEventClassId=Allowed app=HTTPS cat=Web Search dhost=www.google.com dst=142.250.70.196 "
            + "src=192.168.180.77 in_bytes=41028 in=41028 outcome=200 out=1300 request=www.google.com/search%3Fq%3Dx "
            + "rt=Nov 26 2026 06:20:13 sourceTranslatedAddress=203.0.113.5 "
            + "requestClientApplication=Mozilla/5.0 (Windows NT 10.0; Win64; x64) requestMethod=GET "
            + "suser=user@example.com spriv=Headquarters externalId=7379073205867184133 fileType=None reason=Allowed "
            + "destinationServiceName=General Browsing cn1=10 cn1Label=riskscore cs1=Sales cs1Label=dept "
            + "contenttype=text/html fname=None",
        "CEF:0|Zscaler|NSSFWlog|5.7|Drop|Default Firewall Filtering Rule|3| Severity=3 act=Drop "
            + "suser=jdoe@example.com src=192.168.140.31 spt=62964 dst=1.1.1.1 dpt=443 "
            + "destinationTranslatedAddress=0.0.0.0 destinationTranslatedPort=0 sourceTranslatedAddress=1.1.1.1 "
            + "sourceTranslatedPort=0 proto=UDP reason=Default Firewall Filtering Rule in=0 out=4134 "
            + "deviceDirection=1 cs1=Default Department cs1Label=dept cs2=QUIC cs2Label=nwService "
            + "cn1=2998 cn1Label=durationms",
    };
    private static final SyslogMessage FOREIGN = SyslogMessage.bare(
            "%ASA-6-302013: Built inbound TCP connection 7 for outside:203.0.113.5/51234 (203.0.113.5/51234) "
                    + "to inside:10.1.1.2/22 (10.1.1.2/22)");

    private final CefParser parser = new CefParser();
    private final ParseContext context = new ParseContext(ZoneId.of("UTC"),
            Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneId.of("UTC")), InternalNetworks.defaults());
    private final SyslogMessage[] messages = new SyslogMessage[LINES.length];
    private int next;

    public CefParserBenchmark() {
        for (int i = 0; i < LINES.length; i++) {
            String original = "<134>Nov 26 10:00:00 fw1 " + LINES[i];
            messages[i] = new SyslogMessage(original, 134, HEADER_TIME, "fw1", null, null, LINES[i]);
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
