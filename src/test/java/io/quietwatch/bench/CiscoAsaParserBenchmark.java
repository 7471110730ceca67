package io.quietwatch.bench;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.parse.CiscoAsaParser;
import io.quietwatch.parse.ParseContext;
import io.quietwatch.parse.ParseResult;
import io.quietwatch.parse.SyslogMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of {@link CiscoAsaParser} over a mix shaped like a busy ASA's log: mostly built and
 * teardown lines, some denies and access-list hits, an ICMP pair and an id without a dedicated
 * reader. One operation is one line, so the score is lines per second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CiscoAsaParserBenchmark {
    private static final String[] LINES = {
        "%ASA-6-302013: Built outbound TCP connection 445120 for outside:203.0.113.10/443 (203.0.113.10/443)"
            + " to inside:10.10.30.77/51422 (192.0.2.25/51422)",
        "%ASA-6-302014: Teardown TCP connection 445120 for outside:203.0.113.10/443 to inside:10.10.30.77/51422"
            + " duration 0:03:06 bytes 241664 TCP FINs",
        "%ASA-6-302015: Built outbound UDP connection 11758 for outside:192.0.2.53/53 (192.0.2.53/53)"
            + " to inside:172.31.98.44/56132 (203.0.113.44/1188)",
        "%ASA-6-302016: Teardown UDP connection 11758 for outside:192.0.2.53/53 to inside:172.31.98.44/56132"
            + " duration 0:00:00 bytes 148",
        "%ASA-6-302013: Built inbound TCP connection 27215708 for outside:198.51.100.4/49926 (198.51.100.4/49926)"
            + " to dmz:192.168.10.20/443 (203.0.113.5/443)",
        "%ASA-6-302014: Teardown TCP connection 27215708 for outside:198.51.100.4/49926 to dmz:192.168.10.20/443"
            + " duration 1:12:44 bytes 9937211 TCP Reset-O",
        "%ASA-6-302013: Built outbound TCP connection 445121 for outside:93.184.216.34/443 (93.184.216.34/443)"
            + " to inside:10.0.0.5/50000 (203.0.113.9/40001)(CORP\\alice)",
        "%ASA-6-302014: Teardown TCP connection 445121 for outside:93.184.216.34/443 to inside:10.0.0.5/50000"
            + " duration 0:00:30 bytes 0 SYN Timeout",
        "%ASA-6-302015: Built outbound UDP connection 11759 for outside:192.0.2.123/123 (192.0.2.123/123)"
            + " to inside:10.0.0.8/40123 (203.0.113.8/40123)",
        "%ASA-6-302016: Teardown UDP connection 11759 for outside:192.0.2.123/123 to inside:10.0.0.8/40123"
            + " duration 0:02:01 bytes 96",
        "%ASA-4-106023: Deny tcp src outside:198.51.100.126/53638 dst inside:10.0.0.132/8111"
            + " by access-group \"acl_out\" [0x71761f18, 0x0]",
        "%ASA-4-106023: Deny udp src dmz:192.168.1.33/5555 dst outside:192.0.2.12/53"
            + " by access-group \"dmz\" [0x123a465e, 0x4c7bf613]",
        "%ASA-6-106015: Deny TCP (no connection) from 198.51.100.222/1234 to 192.168.1.34/5679 flags RST"
            + " on interface outside",
        "%ASA-6-106100: access-list acl_in permitted tcp inside/10.0.0.16(2241) -> outside/192.0.2.89(2000)"
            + " hit-cnt 1 first hit [0x71a87d94, 0x0]",
        "%ASA-6-302020: Built outbound ICMP connection for faddr 198.51.100.1/0 gaddr 203.0.113.5/512"
            + " laddr 10.0.0.5/512 type 8 code 0",
        "%ASA-6-305011: Built dynamic TCP translation from inside:172.31.98.44/1772 to outside:203.0.113.44/8256",
    };

    private final CiscoAsaParser parser = new CiscoAsaParser();
    private ParseContext context;
    private SyslogMessage[] messages;

    @Setup
    public void setUp() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        context = new ParseContext(ZoneId.of("UTC"), Clock.fixed(now, ZoneId.of("UTC")), InternalNetworks.defaults());
        messages = new SyslogMessage[LINES.length];
        for (int i = 0; i < LINES.length; i++) {
            // As the header parser hands them over: header time and host split off.
            messages[i] = new SyslogMessage("<166>Nov 26 10:00:00 fw1 " + LINES[i], 166,
                    now.toEpochMilli() + i, "fw1", null, null, LINES[i]);
            if (!(parser.parse(messages[i], context) instanceof ParseResult.Parsed)) {
                throw new IllegalStateException("benchmark line does not parse: " + LINES[i]);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(16)
    public void parseMix(Blackhole bh) {
        for (SyslogMessage m : messages) {
            bh.consume(parser.parse(m, context));
        }
    }
}
