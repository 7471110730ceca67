package io.quietwatch.bench;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.parse.FilterlogParser;
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
 * Lines per second through {@link FilterlogParser} on one thread: a mix of pfSense and OPNsense records
 * (TCP SYN and established TCP, UDP, ICMP in both forms, IPv6, CARP) with their syslog headers already
 * split off, as the header parser hands them over. {@code claimsForeign} is the cost of auto-detection
 * saying no to another vendor's line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FilterlogParserBenchmark {
    private static final long HEADER_TIME = Instant.parse("2026-11-26T10:00:00Z").toEpochMilli();
    private static final String[] LINES = {
        "146,,,1535324496,igb1.12,match,block,in,4,0x0,,63,12617,0,DF,6,tcp,60,10.170.12.50,1.1.1.1,49724,853,0,S,"
            + "1891286705,,64240,,mss;sackOK;TS;nop;wscale",
        "176,,,1520797901,igb1.27,match,pass,in,4,0xb8,,64,58355,0,none,17,udp,76,10.170.27.27,216.229.4.66,123,123,56",
        "124,,,fae559338f65e11c53669fc3642c93c2,ixl1_vlan70,match,pass,out,4,0x0,,63,5687,0,DF,6,tcp,60,192.168.1.1,"
            + "10.10.10.10,40370,80,0,S,3364871769,,65535,,mss;sackOK;TS;nop;wscale",
        "5,,,1000000103,igb0,match,block,in,4,0x0,,52,40213,0,DF,6,tcp,92,198.51.100.3,192.168.1.20,443,50500,40,PA,"
            + "3322441:3322481,1290391,501,,nop;nop;TS",
        "176,,,1520797901,igb1.10,match,pass,in,4,0x0,,64,62096,0,DF,1,icmp,84,10.100.10.30,142.250.114.105,request,"
            + "37728,164",
        "6,,,1000000105,igb1.27,match,block,in,6,0x00,0xf6279,1,UDP,17,32,fe80::208:9bff:fef3:652b,ff02::1:2,546,547,32",
        "155,,,c0dbc3f4f934c1cb95f41a1f3d23a189,vtnet0,match,pass,in,4,0x0,,64,22309,0,DF,1,icmp,84,172.16.0.70,"
            + "172.16.0.1,datalength=64",
        "21,,,02f4bab031b57d1e30553ce08e0ec131,vtnet0,match,block,in,4,0x0,,64,22178,0,DF,17,udp,268,192.168.1.20,"
            + "255.255.255.255,50924,10001,248",
        "48,16777216,,1000000201,em0,match,block,in,4,0x10,,255,53650,0,DF,112,carp,56,192.168.11.1,224.0.0.18,"
            + "advertise,255,1,2,0,1",
    };
    private static final SyslogMessage FOREIGN = SyslogMessage.bare(
            "%ASA-6-302013: Built inbound TCP connection 7 for outside:203.0.113.5/51234 (203.0.113.5/51234) "
                    + "to inside:10.1.1.2/22 (10.1.1.2/22)");

    private final FilterlogParser parser = new FilterlogParser();
    private final ParseContext context = new ParseContext(ZoneId.of("UTC"),
            Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneId.of("UTC")), InternalNetworks.defaults());
    private final SyslogMessage[] messages = new SyslogMessage[LINES.length];
    private int next;

    public FilterlogParserBenchmark() {
        for (int i = 0; i < LINES.length; i++) {
            String original = "<134>Nov 26 10:00:00 fw1 filterlog[72237]: " + LINES[i];
            messages[i] = new SyslogMessage(original, 134, HEADER_TIME, "fw1", "filterlog", null, LINES[i]);
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
