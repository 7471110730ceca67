package io.quietwatch.bench;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.parse.ParseContext;
import io.quietwatch.parse.ParseResult;
import io.quietwatch.parse.SyslogMessage;
import io.quietwatch.parse.ZeekParser;
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
 * Lines per second through {@link ZeekParser} on one thread: conn.log and http.log records in TSV
 * (one with extra community-id and MAC columns) and in JSON, and a dns.log record, with their syslog
 * headers already split off, as the header parser hands them over. {@code claimsForeign} is the cost of
 * auto-detection saying no to another vendor's line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ZeekParserBenchmark {
    private static final long HEADER_TIME = Instant.parse("2026-11-26T10:00:00Z").toEpochMilli();
    private static final String[] LINES = {
        tsv("1795687200.123456", "CHhAvVGS1DHFjwGM9", "192.168.1.100", "52424", "93.184.216.34", "80", "tcp", "http",
            "0.543210", "389", "1567", "SF", "T", "F", "0", "ShADadFf", "8", "721", "6", "1879", "-"),
        tsv("1795687201.000001", "CEme0Q3cbgQk5sVCE", "10.6.27.102", "60307", "10.6.27.1", "53", "udp", "dns",
            "2.999460", "102", "0", "S0", "T", "T", "0", "D", "3", "186", "0", "0", "-"),
        tsv("1795687206.000000", "CxVlK32pEUwRvEjYha", "192.168.1.50", "50000", "203.0.113.9", "443", "tcp", "ssl",
            "7260.812345", "88231", "1201544", "SF", "T", "F", "0", "ShADadttFf", "2210", "203344", "2411", "1298001",
            "-", "6", "1:LQU9qZlK+B5F3KDmev6m5PMibrg=", "00:0c:29:aa:bb:cc", "00:50:56:dd:ee:ff"),
        tsv("1795687300.643717", "C5rwNQvz1Ha9XndKl", "10.6.27.102", "49159", "107.180.50.162", "80", "1", "GET",
            "smart-fax.com", "/knr.exe", "-", "1.1",
            "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko", "-", "0", "2437120", "200", "OK",
            "-", "-", "(empty)", "-", "-", "-", "-", "-", "-", "FAt8cU2v9ydYxkLTdg", "-", "application/x-dosexec"),
        "{\"ts\":1795687400.123456,\"uid\":\"CWXzqi1JDBhRKNGdId\",\"id.orig_h\":\"192.168.1.100\",\"id.orig_p\":52430,"
            + "\"id.resp_h\":\"142.250.72.196\",\"id.resp_p\":443,\"proto\":\"tcp\",\"service\":\"ssl\","
            + "\"duration\":3.141592,\"orig_bytes\":2104,\"resp_bytes\":6881,\"conn_state\":\"SF\",\"local_orig\":true,"
            + "\"local_resp\":false,\"missed_bytes\":0,\"history\":\"ShADadFf\",\"orig_pkts\":16,"
            + "\"orig_ip_bytes\":2952,"
            + "\"resp_pkts\":14,\"resp_ip_bytes\":7613}",
        "{\"ts\":1795687406.11,\"uid\":\"CaKF8b2W1XUzM1mGKb\",\"id.orig_h\":\"10.6.27.102\",\"id.orig_p\":49163,"
            + "\"id.resp_h\":\"107.180.50.162\",\"id.resp_p\":80,\"trans_depth\":1,\"method\":\"GET\","
            + "\"host\":\"smart-fax.com\",\"uri\":\"/Documents/Invoice&MSO-Request.doc\",\"version\":\"1.1\","
            + "\"user_agent\":\"Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko\","
            + "\"request_body_len\":0,\"response_body_len\":323072,\"status_code\":200,\"status_msg\":\"OK\","
            + "\"tags\":[],\"resp_fuids\":[\"FB5o2Hcauv7vpQ8y3\"],\"resp_mime_types\":[\"application/msword\"]}",
        "{\"ts\":1795687400.5,\"uid\":\"CPQ9vC2my8sIGasb3a\",\"id.orig_h\":\"192.168.4.57\",\"id.orig_p\":42051,"
            + "\"id.resp_h\":\"192.168.4.1\",\"id.resp_p\":53,\"proto\":\"udp\",\"service\":\"dns\","
            + "\"duration\":0.000368,"
            + "\"orig_bytes\":0,\"resp_bytes\":234,\"conn_state\":\"SHR\",\"local_orig\":true,\"local_resp\":true,"
            + "\"missed_bytes\":0,\"history\":\"^d\",\"orig_pkts\":0,\"orig_ip_bytes\":0,\"resp_pkts\":2,"
            + "\"resp_ip_bytes\":290}",
        tsv("1795687500.300000", "C3jAH41ohLKvgfRwVc", "10.1.10.5", "53534", "8.8.8.8", "53", "udp", "1001",
            "0.012000", "example.com", "1", "C_INTERNET", "1", "A", "0", "NOERROR", "F", "F", "T", "T", "0",
            "93.184.216.34", "300.000000", "F"),
    };
    private static final SyslogMessage FOREIGN = SyslogMessage.bare(
            "%ASA-6-302013: Built inbound TCP connection 7 for outside:203.0.113.5/51234 (203.0.113.5/51234) "
                    + "to inside:10.1.1.2/22 (10.1.1.2/22)");

    private final ZeekParser parser = new ZeekParser();
    private final ParseContext context = new ParseContext(ZoneId.of("UTC"),
            Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneId.of("UTC")), InternalNetworks.defaults());
    private final SyslogMessage[] messages = new SyslogMessage[LINES.length];
    private int next;

    public ZeekParserBenchmark() {
        for (int i = 0; i < LINES.length; i++) {
            String original = "<134>Nov 26 10:00:00 sensor1 zeek: " + LINES[i];
            messages[i] = new SyslogMessage(original, 134, HEADER_TIME, "sensor1", "zeek", null, LINES[i]);
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

    private static String tsv(String... fields) {
        return String.join("\t", fields);
    }
}
