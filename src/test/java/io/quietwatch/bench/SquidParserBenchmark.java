package io.quietwatch.bench;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.parse.ParseContext;
import io.quietwatch.parse.ParseResult;
import io.quietwatch.parse.SquidParser;
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
 * Lines per second through {@link SquidParser} on one thread: a mix of native Squid lines (misses,
 * hits, CONNECT tunnels, denials, an authenticated user, IPv6) with a combined-format line and a Cisco
 * WSA line, their syslog headers already split off as the header parser hands them over.
 * {@code claimsForeign} is the cost of auto-detection saying no to another vendor's line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SquidParserBenchmark {
    private static final long HEADER_TIME = Instant.parse("2026-11-26T10:00:00Z").toEpochMilli();
    private static final String[] LINES = {
        "1795687200.123    195 10.0.0.5 TCP_MISS/200 10473 GET http://example.com/setup.exe - "
            + "HIER_DIRECT/93.184.216.34 application/x-msdownload",
        "1795687200.200  60022 192.168.0.35 TCP_TUNNEL/200 662274 CONNECT safebrowsing-cache.google.com:443 - "
            + "HIER_DIRECT/142.250.185.78 -",
        "1795687200.250      1 10.105.21.199 TCP_HIT/200 1464 GET http://www.goonernews.com/styles.css badeyek "
            + "HIER_NONE/- text/css",
        "1795687200.301      0 10.105.37.17 TCP_DENIED/407 1667 CONNECT us.mcafee.com:443 - HIER_NONE/- text/html",
        "1795687200.377    136 192.168.0.35 TCP_MISS/200 166258 GET http://www.google.com/xjs/_/js/s/s,jsa,c,sb,hv/"
            + "rt=j/ver=P7Lew-MRiXo.en_US./d=1/sv=1/rs=AItRSTNwfvJBHcoKbi4wjkZ-Mr1w-Pv9LA - "
            + "HIER_DIRECT/74.125.131.147 text/javascript",
        "1795687200.412   2300 10.1.2.3 TCP_REFRESH_MODIFIED/200 88123 GET "
            + "http://downloads.example.com:8080/tools/putty.exe?ver=0.81 CORP%5cjsmith HIER_DIRECT/192.0.2.44 "
            + "application/octet-stream",
        "1795687200.500     12 ::1 TCP_MISS_ABORTED/503 4019 GET http://ipv6.msftconnecttest.com/connecttest.txt - "
            + "HIER_DIRECT/2600:1407:b800::6872:4fd0 text/html",
        "10.0.0.5 - bob [26/Nov/2026:10:00:00 +0100] \"GET http://example.com/a.exe HTTP/1.1\" 200 12345 "
            + "\"http://example.com/start\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36\" "
            + "TCP_MISS:HIER_DIRECT",
        "Info: 1795687200.617 97 172.16.1.2 TCP_MISS/200 8187 GET http://my.site.com/ \"CORP\\jdoe@corp.example\" "
            + "DIRECT/my.site.com text/plain DEFAULT_CASE_11-PolicyGroupName-Identity-OutboundMalwareScanningPolicy "
            + "<IW_comp,6.9,-,\"-\",-,-,-,-,\"-\",-,-,-,\"-\",-,-,\"-\",\"-\",-,-,IW_comp,-,\"-\",\"-\",\"Unknown\"> -",
    };
    private static final SyslogMessage FOREIGN = SyslogMessage.bare(
            "%ASA-6-302013: Built inbound TCP connection 7 for outside:203.0.113.5/51234 (203.0.113.5/51234) "
                    + "to inside:10.1.1.2/22 (10.1.1.2/22)");

    private final SquidParser parser = new SquidParser();
    private final ParseContext context = new ParseContext(ZoneId.of("UTC"),
            Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneId.of("UTC")), InternalNetworks.defaults());
    private final SyslogMessage[] messages = new SyslogMessage[LINES.length];
    private int next;

    public SquidParserBenchmark() {
        for (int i = 0; i < LINES.length; i++) {
            String original = "<134>Nov 26 10:00:00 proxy1 squid[1234]: " + LINES[i];
            messages[i] = new SyslogMessage(original, 134, HEADER_TIME, "proxy1", "squid", null, LINES[i]);
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
