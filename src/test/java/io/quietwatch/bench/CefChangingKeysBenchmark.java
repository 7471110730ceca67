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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The worst case of {@link CefParser}'s key layouts: one header whose lines never carry the same keys
 * twice in a row. Each line is the FortiGate record of {@link CefParserBenchmark} with one of its pairs
 * left out (a different one each line, from the second pair on), so every line leaves the layout the
 * line before it taught, at a different place.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CefChangingKeysBenchmark {
    private static final long HEADER_TIME = Instant.parse("2026-11-26T10:00:00Z").toEpochMilli();
    private static final String HEADER = "CEF:0|Fortinet|Fortigate|v6.4.8|00013|traffic:forward close|3|";
    private static final String EXTENSION = "FTNTFGTlogid=0000000013 cat=traffic:forward "
            + "FTNTFGTsubtype=forward FTNTFGTlevel=notice FTNTFGTvd=root src=192.168.1.183 shost=192.168.1.183 "
            + "spt=45719 deviceInboundInterface=port15 dst=93.184.216.34 dhost=93.184.216.34 dpt=443 "
            + "deviceOutboundInterface=wan1 FTNTFGTpoluuid=61c4243a-34ba-51e5-c32a-3859389a5162 externalId=56633 "
            + "proto=6 act=close cs5=10 cs5Label=Policy Id FTNTFGTdstcountry=United States FTNTFGTsrccountry=Reserved "
            + "FTNTFGTtrandisp=snat sourceTranslatedAddress=198.51.100.7 sourceTranslatedPort=45719 app=HTTPS "
            + "cn1=7 cn1Label=Duration out=398 in=1605 cn2=5 cn2Label=Packets Sent cn3=5 cn3Label=Packets Received";

    private final CefParser parser = new CefParser();
    private final ParseContext context = new ParseContext(ZoneId.of("UTC"),
            Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneId.of("UTC")), InternalNetworks.defaults());
    private final SyslogMessage[] messages;
    private int next;

    public CefChangingKeysBenchmark() {
        List<String> pairs = Arrays.asList(EXTENSION.split(" (?=[A-Za-z0-9]+=)"));
        List<SyslogMessage> out = new ArrayList<>();
        // leave out pair 1, 3, 5, ...: neighbours differ, and no line repeats the one before it
        for (int left = 1; left < pairs.size(); left += 2) {
            List<String> kept = new ArrayList<>(pairs);
            kept.remove(left);
            String line = HEADER + String.join(" ", kept);
            out.add(new SyslogMessage("<134>Nov 26 10:00:00 fw1 " + line, 134, HEADER_TIME, "fw1", null, null, line));
        }
        messages = out.toArray(new SyslogMessage[0]);
    }

    /** One line per call. */
    @Benchmark
    public ParseResult parse() {
        SyslogMessage m = messages[next];
        next = next + 1 == messages.length ? 0 : next + 1;
        return parser.parse(m, context);
    }
}
