package io.quietwatch.bench;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.parse.NetfilterParser;
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
 * Lines per second through {@link NetfilterParser} on one thread: a mix of UFW, firewalld, Shorewall
 * and plain iptables lines (TCP SYN, UDP, ICMP with a quoted packet, IPv6) with their syslog headers
 * already split off, as the header parser hands them over. {@code claimsForeign} is the cost of
 * auto-detection saying no to another vendor's line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NetfilterParserBenchmark {
    private static final long HEADER_TIME = Instant.parse("2026-11-26T10:00:00Z").toEpochMilli();
    private static final String[] LINES = {
        "[UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:ab:cd:ef:08:00 SRC=203.0.113.45 DST=192.168.1.10 "
            + "LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=54321 DF PROTO=TCP SPT=51234 DPT=22 WINDOW=64240 RES=0x00 SYN "
            + "URGP=0 ",
        "[UFW AUDIT] IN=eth0 OUT= MAC=01:00:5e:00:00:fb:3c:22:fb:12:34:56:08:00 SRC=192.168.1.20 DST=224.0.0.251 "
            + "LEN=73 TOS=0x00 PREC=0x00 TTL=255 ID=0 DF PROTO=UDP SPT=5353 DPT=5353 LEN=53 ",
        "filter_IN_public_REJECT: IN=ens192 OUT= MAC=00:50:56:a1:b2:c3:00:50:56:d4:e5:f6:08:00 SRC=198.51.100.7 "
            + "DST=10.0.0.5 LEN=44 TOS=0x00 PREC=0x00 TTL=241 ID=39466 PROTO=TCP SPT=47813 DPT=3389 WINDOW=1024 "
            + "RES=0x00 SYN URGP=0 ",
        "[12345.678901] Shorewall:net-fw:DROP:IN=eth0 OUT= MAC=00:1b:21:3a:4b:5c:00:0d:b9:11:22:33:08:00 "
            + "SRC=185.220.101.4 DST=192.168.2.1 LEN=64 TOS=0x00 PREC=0x00 TTL=48 ID=0 DF PROTO=UDP SPT=48195 "
            + "DPT=161 LEN=44 ",
        "iptables denied: IN=eth0 OUT= MAC=08:00:27:aa:bb:cc:08:00:27:dd:ee:ff:08:00 SRC=172.16.5.9 DST=8.8.4.4 "
            + "LEN=52 TOS=0x00 PREC=0x00 TTL=63 ID=2760 DF PROTO=TCP SPT=55022 DPT=443 WINDOW=501 RES=0x00 ACK PSH "
            + "URGP=0 ",
        "[UFW ALLOW] IN= OUT=eth0 SRC=192.168.1.10 DST=93.184.216.34 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=4242 DF "
            + "PROTO=TCP SPT=40000 DPT=8080 WINDOW=64240 RES=0x00 SYN URGP=0 UID=1000 GID=1000 ",
        "IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:ab:cd:ef:08:00 SRC=192.0.2.1 DST=192.168.1.10 LEN=88 "
            + "TOS=0x00 PREC=0xC0 TTL=63 ID=40000 PROTO=ICMP TYPE=3 CODE=3 [SRC=192.168.1.10 DST=192.0.2.1 LEN=60 "
            + "TOS=0x00 PREC=0x00 TTL=1 ID=12345 PROTO=UDP SPT=33434 DPT=33435 LEN=40 ] ",
        "[UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:ab:cd:ef:86:dd "
            + "SRC=2001:0db8:0000:0000:0000:0000:0000:0001 DST=fd00:0000:0000:0001:0000:0000:0000:0010 LEN=80 TC=0 "
            + "HOPLIMIT=57 FLOWLBL=123456 PROTO=TCP SPT=40120 DPT=22 WINDOW=64800 RES=0x00 SYN URGP=0 ",
    };
    private static final SyslogMessage FOREIGN = SyslogMessage.bare(
            "%ASA-6-302013: Built inbound TCP connection 7 for outside:203.0.113.5/51234 (203.0.113.5/51234) "
                    + "to inside:10.1.1.2/22 (10.1.1.2/22)");

    private final NetfilterParser parser = new NetfilterParser();
    private final ParseContext context = new ParseContext(ZoneId.of("UTC"),
            Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneId.of("UTC")), InternalNetworks.defaults());
    private final SyslogMessage[] messages = new SyslogMessage[LINES.length];
    private int next;

    public NetfilterParserBenchmark() {
        for (int i = 0; i < LINES.length; i++) {
            String original = "<4>Nov 26 10:00:00 gw1 kernel: " + LINES[i];
            messages[i] = new SyslogMessage(original, 4, HEADER_TIME, "gw1", "kernel", null, LINES[i]);
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
