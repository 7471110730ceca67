package io.quietwatch.bench;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.parse.PanOsParser;
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
 * Throughput of {@link PanOsParser} over a mix shaped like a PAN-OS 10.x firewall's syslog: TRAFFIC
 * end records in the 115-field layout, a start, a deny and an 8.x DNS end, two THREAT url records (one
 * with quoted URL and user agent), a GlobalProtect login and a SYSTEM event, all from one hour as in a
 * live stream. The input zone has daylight saving time, as real ones do. One operation is one line, so
 * the score is lines per second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PanOsParserBenchmark {
    private static final String[] LINES = {
        "1,2026/11/26 10:00:05,013201001234,TRAFFIC,end,2561,2026/11/26 10:00:04,10.1.20.15,203.0.113.80,198."
            + "51.100.10,203.0.113.80,Allow-Web-Out,corp\\alice,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,sys"
            + "log-fwd,2026/11/26 10:00:04,481516,1,51234,443,31862,443,0x40441a,tcp,allow,1843221,120334,1722887,2"
            + "210,2026/11/26 08:57:59,3725,computer-and-internet-info,,7390001234567890123,0x8000000000000000,10.0"
            + ".0.0-10.255.255.255,United States,,980,1230,tcp-fin,34,0,0,0,,fw-hq-01,from-policy,,,0,,0,,N/A,0,0,0"
            + ",0,90431d13-81da-4129-8bc5-ce968fa06b76,0,0,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,2026-11-26T10:00:04.51"
            + "2+00:00,,,encrypted-tunnel,networking,browser-based,4,used-by-malware able-to-transfer-file has-know"
            + "n-vulnerability tunnel-other-application pervasive-use,,ssl,no,no,0",
        "1,2026/11/26 10:00:05,013201001234,TRAFFIC,start,2561,2026/11/26 10:00:04,10.1.20.15,203.0.113.80,19"
            + "8.51.100.10,203.0.113.80,Allow-Web-Out,corp\\alice,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,s"
            + "yslog-fwd,2026/11/26 10:00:04,481516,1,51234,443,31862,443,0x40441a,tcp,allow,74,74,0,1,2026/11/26 0"
            + "8:57:59,0,computer-and-internet-info,,7390001234567890123,0x8000000000000000,10.0.0.0-10.255.255.255"
            + ",United States,,1,0,n/a,34,0,0,0,,fw-hq-01,from-policy,,,0,,0,,N/A,0,0,0,0,90431d13-81da-4129-8bc5-c"
            + "e968fa06b76,0,0,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,2026-11-26T10:00:04.512+00:00,,,encrypted-tunnel,n"
            + "etworking,browser-based,4,used-by-malware able-to-transfer-file has-known-vulnerability tunnel-other"
            + "-application pervasive-use,,ssl,no,no,0",
        "1,2026/11/26 10:09:07,012801096514,TRAFFIC,end,2049,2026/11/26 10:09:07,192.168.15.207,192.0.2.53,20"
            + "3.0.113.9,192.0.2.53,new_outbound_from_trust,,,dns,vsys1,trust,untrust,ethernet1/2,ethernet1/1,send_"
            + "to_mac,2026/11/26 10:09:07,22751,1,49728,53,26654,53,0x400053,udp,allow,301,80,221,2,2026/11/26 10:0"
            + "9:04,0,computer-and-internet-info,0,32091112,0x0,192.168.0.0-192.168.255.255,United States,0,16,20,a"
            + "ged-out,0,0,0,0,,PA-220,from-policy,,,0,,0,,N/A,0,0,0,0",
        "1,2026/11/26 10:00:05,013201001234,TRAFFIC,deny,2561,2026/11/26 10:00:04,10.1.20.15,203.0.113.80,0.0"
            + ".0.0,0.0.0.0,Block-Outbound-RDP,corp\\alice,,ms-rdp,vsys1,trust,untrust,ethernet1/2,ethernet1/1,syslo"
            + "g-fwd,2026/11/26 10:00:04,0,1,51234,3389,0,3389,0x40441a,tcp,deny,66,66,0,1,2026/11/26 08:57:59,0,co"
            + "mputer-and-internet-info,,7390001234567890123,0x8000000000000000,10.0.0.0-10.255.255.255,United Stat"
            + "es,,1,0,policy-deny,34,0,0,0,,fw-hq-01,from-policy,,,0,,0,,N/A,0,0,0,0,90431d13-81da-4129-8bc5-ce968"
            + "fa06b76,0,0,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,2026-11-26T10:00:04.512+00:00,,,encrypted-tunnel,netwo"
            + "rking,browser-based,4,used-by-malware able-to-transfer-file has-known-vulnerability tunnel-other-app"
            + "lication pervasive-use,,ssl,no,no,0",
        "1,2026/11/26 10:15:01,013201001234,THREAT,url,2561,2026/11/26 10:15:00,10.1.20.15,203.0.113.45,198.5"
            + "1.100.10,203.0.113.45,Allow-Web-Out,corp\\alice,,web-browsing,vsys1,trust,untrust,ethernet1/2,etherne"
            + "t1/1,syslog-fwd,2026/11/26 10:15:00,502211,1,52817,80,47061,80,0x40f400,tcp,alert,www.example.com/,("
            + "9999),computer-and-internet-info,informational,client-to-server,7390001234567890555,0x80000000000000"
            + "00,10.0.0.0-10.255.255.255,United States,,,0,,,0,,,,,,,,0,34,0,0,0,,fw-hq-01,,,,,0,,0,,N/A,N/A,AppTh"
            + "reat-0-0,0x0,0,4294967295,,streaming-media low-risk,90431d13-81da-4129-8bc5-ce968fa06b76,0,,,,,,,,,,"
            + ",,,,,,,,,,,,,,,,,,,0,2026-11-26T10:15:00.120+00:00,,,,encrypted-tunnel,networking,browser-based,4,us"
            + "ed-by-malware able-to-transfer-file has-known-vulnerability tunnel-other-application pervasive-use,,"
            + "ssl,no,no,",
        "1,2026/11/26 10:15:01,013201001234,THREAT,url,2561,2026/11/26 10:15:00,10.1.20.15,203.0.113.45,198.5"
            + "1.100.10,203.0.113.45,Allow-Web-Out,corp\\alice,,web-browsing,vsys1,trust,untrust,ethernet1/2,etherne"
            + "t1/1,syslog-fwd,2026/11/26 10:15:00,502211,1,52817,80,47061,80,0x40f400,tcp,alert,\"dl.example.net/fi"
            + "les/setup.exe?ver=2&lang=en\",(9999),computer-and-internet-info,informational,client-to-server,739000"
            + "1234567890555,0x8000000000000000,10.0.0.0-10.255.255.255,United States,,application/x-msdownload,0,,"
            + ",0,\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Sa"
            + "fari/537.36\",,,,,,,0,34,0,0,0,,fw-hq-01,,,,get,0,,0,,N/A,N/A,AppThreat-0-0,0x0,0,4294967295,,streami"
            + "ng-media low-risk,90431d13-81da-4129-8bc5-ce968fa06b76,0,,,,,,,,,,,,,,,,,,,,,,,,,,,,,0,2026-11-26T10"
            + ":15:00.120+00:00,,,,encrypted-tunnel,networking,browser-based,4,used-by-malware able-to-transfer-fil"
            + "e has-known-vulnerability tunnel-other-application pervasive-use,,ssl,no,no,",
        "1,2026/11/26 10:30:02,016201004321,GLOBALPROTECT,0,2817,2026/11/26 10:30:01,vsys1,gateway-connected,"
            + "connected,,IPSec,corp\\bob,DE,LT-BOB-01,198.51.100.23,0.0.0.0,10.212.4.37,0.0.0.0,6c1f3e2a-0000-4c19-"
            + "9e55-0a2f7d1c4b90,SN-4411,6.2.4-28,Microsoft Windows,\"Microsoft Windows 11 Enterprise , 64-bit\",1,,,"
            + ",success,,0,user-logon,0,GP-GW-HQ,7412983300185500001,0x0,2026-11-26T08:30:01.551+00:00,,0,,,GP-GW-H"
            + "Q,12,0,0,0,,fw-vpn-01,1,",
        "1,2026/11/26 10:05:03,013201001234,SYSTEM,general,2561,2026/11/26 10:05:03,,general,,0,0,general,inf"
            + "ormational,\"Connection to Update server closed: updates.paloaltonetworks.com, source: 192.0.2.1\",123"
            + "4567890,0x0,0,0,0,0,,fw-hq-01,0,0,2026-11-26T07:05:03.440+00:00",
    };
    /** Lines per invocation: the mix above with the first TRAFFIC end counted three times. */
    private static final int[] MIX = {0, 1, 0, 2, 3, 0, 4, 5, 6, 7};

    private final PanOsParser parser = new PanOsParser();
    private ParseContext context;
    private SyslogMessage[] messages;

    @Setup
    public void setUp() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        context = new ParseContext(ZoneId.of("Europe/Berlin"), Clock.fixed(now, ZoneId.of("UTC")),
                InternalNetworks.defaults());
        messages = new SyslogMessage[MIX.length];
        for (int i = 0; i < MIX.length; i++) {
            String line = LINES[MIX[i]];
            // As the header parser hands them over: header time and host split off.
            messages[i] = new SyslogMessage("<14>Nov 26 10:00:05 fw-hq-01 " + line, 14, now.toEpochMilli() + i,
                    "fw-hq-01", null, null, line);
            if (!(parser.parse(messages[i], context) instanceof ParseResult.Parsed)) {
                throw new IllegalStateException("benchmark line does not parse: " + line);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(10)
    public void parseMix(Blackhole bh) {
        for (SyslogMessage m : messages) {
            bh.consume(parser.parse(m, context));
        }
    }
}
