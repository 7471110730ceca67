package io.quietwatch.bench;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.parse.CheckPointParser;
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
 * Lines per second through {@link CheckPointParser} on one thread: Log Exporter syslog records as R80/R81
 * gateways send them (firewall accept with NAT, drop, URL Filtering, an accounting update and the
 * Fields@2620 variant; 0.6-1.3 KB each), split by the header parser beforehand as the pipeline hands
 * them over. {@code claimsForeign} is the cost of auto-detection saying no to another vendor's line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CheckPointParserBenchmark {
    private static final String[] LINES = {
        "<134>1 2026-11-26T10:00:05Z gw-cp CheckPoint 1234 - [action:\"Accept\"; flags:\"444676\"; ifdir:\"outbound\"; "
            + "ifname:\"eth0\"; logid:\"0\"; loguid:\"{0x5e80a05a,0x0,0xbba3afa,0xd2c10858}\"; origin:\"10.0.0.1\"; "
            + "originsicname:\"cn=cp_mgmt,o=gw-cp..tmn8s8\"; sequencenum:\"2\"; time:\"1795687200\"; version:\"5\"; "
            + "__policy_id_tag:\"product=VPN-1 & FireWall-1[db_tag={DF903A6D-B97D-1A4D-A054-2BF3A330CB5A};mgmt=gw-cp;"
            + "date=1795600000;policy_name=Standard\\]\"; dst:\"203.0.113.7\"; inzone:\"Internal\"; layer_name:\"Network\"; "
            + "layer_uuid:\"63b7fe60-76d2-4287-bca5-21af87337b0a\"; match_id:\"4\"; parent_rule:\"0\"; "
            + "rule_action:\"Accept\"; rule_name:\"Web out\"; rule_uid:\"1fde807b-6300-4b1a-914f-f1c1f3e2e7d2\"; "
            + "nat_addtnl_rulenum:\"0\"; nat_rulenum:\"3\"; outzone:\"External\"; product:\"VPN-1 & FireWall-1\"; "
            + "proto:\"6\"; s_port:\"51234\"; service:\"443\"; service_id:\"https\"; src:\"10.0.0.5\"; "
            + "xlatedport:\"0\"; xlatedst:\"0.0.0.0\"; xlatesport:\"40123\"; xlatesrc:\"198.51.100.1\"]",
        "<134>1 2026-11-26T06:13:42Z gw-da58d3 CheckPoint 8363 - [action:\"Drop\"; flags:\"425984\"; "
            + "ifdir:\"outbound\"; ifname:\"eth0\"; logid:\"1\"; loguid:\"{0x5e818e17,0x0,0x6401a8c0,0x108620ab}\"; "
            + "origin:\"192.168.1.100\"; originsicname:\"cn=cp_mgmt,o=gw-da58d3..tmn8s8\"; sequencenum:\"1\"; "
            + "time:\"1795680000\"; version:\"5\"; __policy_id_tag:\"product=VPN-1 & FireWall-1[db_tag="
            + "{880771B0-FD92-2C4F-82FC-B96FC3DE5A07};mgmt=gw-da58d3;date=1585502566;policy_name=Standard\\]\"; "
            + "dst:\"203.0.113.118\"; product:\"VPN-1 & FireWall-1\"; proto:\"6\"; s_port:\"65488\"; service:\"80\"; "
            + "src:\"192.168.1.100\"; tcp_flags:\"FIN-ACK\"; tcp_packet_out_of_state:\"First packet isn't SYN\"]",
        "<134>1 2026-11-26T10:21:45Z gw-hq-01 CheckPoint 26144 - [action:\"Accept\"; flags:\"411908\"; "
            + "ifdir:\"outbound\"; ifname:\"eth1\"; logid:\"0\"; loguid:\"{0x6a0d8b39,0x2a,0xdf2242d5,0x61ebba39}\"; "
            + "origin:\"192.168.0.1\"; sequencenum:\"1\"; time:\"1795687200\"; version:\"5\"; "
            + "app_category:\"Uncategorized\"; app_id:\"0\"; app_risk:\"0\"; appi_name:\"shiptrack-updates.example\"; "
            + "dst:\"203.0.113.204\"; inzone:\"Internal\"; layer_name:\"Network\"; layer_name:\"Web Control\"; "
            + "matched_category:\"Uncategorized\"; product:\"URL Filtering\"; proto:\"6\"; "
            + "proxy_src_ip:\"192.168.10.63\"; resource:\"https://shiptrack-updates.example/dl/agent.exe\"; "
            + "rule_action:\"Inline\"; rule_action:\"Accept\"; rule_name:\"ALLOW-OUTBOUND-HTTPS\"; "
            + "rule_name:\"Allow uncategorized\"; outzone:\"External\"; s_port:\"51204\"; service:\"443\"; "
            + "service_id:\"https\"; src:\"192.168.10.63\"]",
        "<134>1 2026-11-26T10:51:20Z fw1 CheckPoint 15190 - [action:\"Accept\"; contextnum:\"1\"; flags:\"802832\"; "
            + "ifdir:\"inbound\"; ifname:\"eth0.11\"; logid:\"6\"; loguid:\"{0x8f6ff124,0xbeef4db4,0xbad40b,0xa9525929}\"; "
            + "origin:\"192.0.2.144\"; sequencenum:\"8\"; time:\"1795689000\"; version:\"5\"; __nsons:\"0\"; "
            + "__p_dport:\"0\"; __pos:\"7\"; bytes:\"11930\"; client_inbound_bytes:\"7475\"; "
            + "client_inbound_interface:\"eth0.11\"; client_inbound_packets:\"15\"; client_outbound_bytes:\"6345\"; "
            + "client_outbound_packets:\"22\"; context_num:\"1\"; elapsed:\"0\"; hll_key:\"12347634786232348735\"; "
            + "packets:\"37\"; product:\"Log Update\"; segment_time:\"1795688990\"; server_inbound_bytes:\"6345\"; "
            + "server_inbound_packets:\"11\"; server_outbound_bytes:\"7475\"; server_outbound_interface:\"eth0.10\"; "
            + "server_outbound_packets:\"30\"; start_time:\"1795688990\"]",
        "<85>1 2026-01-13T10:10:16-05:00 172.16.2.9 CP-GW - Log [Fields@1.3.6.1.4.1.2620 inzone=\"DMZ\" "
            + "outzone=\"External\" service_id=\"https\" src=\"192.168.30.192\" dst=\"203.0.113.142\" proto=\"6\" "
            + "xlatesrc=\"198.51.100.144\" xlatedst=\"\" NAT_rulenum=\"1195\" NAT_addtnl_rulenum=\"0\" user=\"\" "
            + "src_user_name=\"bob\" match_id=\"762\" layer_name=\"Security\" "
            + "rule_uid=\"82434e2a-a72c-4a59-8422-a0269fc32e93\" rule_name=\"internal\" "
            + "ProductName=\"VPN-1 & FireWall-1\" svc=\"443\" sport_svc=\"56530\" xlatedport_svc=\"\" "
            + "xlatesport_svc=\"28493\" ProductFamily=\"Network\"]",
    };
    private static final SyslogMessage FOREIGN = SyslogMessage.bare(
            "%ASA-6-302013: Built inbound TCP connection 7 for outside:203.0.113.5/51234 (203.0.113.5/51234) "
                    + "to inside:10.1.1.2/22 (10.1.1.2/22)");

    private final CheckPointParser parser = new CheckPointParser();
    private final ParseContext context = new ParseContext(ZoneId.of("UTC"),
            Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneId.of("UTC")), InternalNetworks.defaults());
    private final SyslogMessage[] messages = new SyslogMessage[LINES.length];
    private int next;

    public CheckPointParserBenchmark() {
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
