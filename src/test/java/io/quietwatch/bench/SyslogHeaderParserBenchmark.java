package io.quietwatch.bench;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.parse.ParseContext;
import io.quietwatch.parse.SyslogHeaderParser;
import io.quietwatch.parse.SyslogMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * Cost of splitting one line into its syslog header and message, per header shape. The header parser
 * runs on every received message, before any vendor parser. Uses the system clock, as in production.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SyslogHeaderParserBenchmark {
    private static final String RFC3164 =
            "<38>Nov 26 10:00:00 web1 sshd[1234]: Accepted publickey for root from 10.1.1.9 port 52100 ssh2";
    private static final String ASA =
            "<166>Nov 26 2026 10:00:00 fw1 : %ASA-6-302014: Teardown TCP connection 123 for outside:8.8.8.8/443 "
                    + "to inside:10.1.1.2/51000 duration 1:02:03 bytes 4096 TCP FINs";
    private static final String RFC5424 =
            "<165>1 2026-11-26T10:00:00.123456+01:00 mymachine.example.com evntslog 8710 ID47 "
                    + "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] \uFEFF"
                    + "An application event log entry";
    private static final String BARE =
            "%ASA-6-302013: Built outbound TCP connection 1 for outside:8.8.8.8/53 (8.8.8.8/53) to inside:10.1.1.2/5353";

    private final SyslogHeaderParser parser = new SyslogHeaderParser();
    private final ParseContext utc =
            new ParseContext(ZoneId.of("UTC"), Clock.systemUTC(), InternalNetworks.defaults());
    private final ParseContext berlin =
            new ParseContext(ZoneId.of("Europe/Berlin"), Clock.systemUTC(), InternalNetworks.defaults());

    @Benchmark
    public SyslogMessage rfc3164Utc() {
        return parser.parse(RFC3164, utc);
    }

    @Benchmark
    public SyslogMessage rfc3164Berlin() {
        return parser.parse(RFC3164, berlin);
    }

    @Benchmark
    public SyslogMessage asaWithYearBerlin() {
        return parser.parse(ASA, berlin);
    }

    @Benchmark
    public SyslogMessage rfc5424() {
        return parser.parse(RFC5424, utc);
    }

    @Benchmark
    public SyslogMessage headerless() {
        return parser.parse(BARE, utc);
    }
}
