package io.quietwatch.bench;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.parse.OpenVpnParser;
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
 * Throughput of {@link OpenVpnParser} over a mix shaped like a busy OpenVPN server's syslog: the lines
 * of client connections from handshake to exit (most of them carry no session information), some
 * refused logins, and status-file records and log-file lines with OpenVPN's own time stamp. One
 * operation is one line, so the score is lines per second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OpenVpnParserBenchmark {
    /** Syslog messages of the daemon (tag openvpn): the header is already split off. */
    private static final String[] TAGGED = {
        "198.51.100.7:51234 TLS: Initial packet from [AF_INET]198.51.100.7:51234, sid=5e6f7a8b 9c0d1e2f",
        "198.51.100.7:51234 VERIFY OK: depth=0, CN=jdoe",
        "198.51.100.7:51234 Control Channel: TLSv1.3, cipher TLSv1.3 TLS_AES_256_GCM_SHA384, peer certificate:"
            + " 2048 bit RSA, signature: RSA-SHA256",
        "198.51.100.7:51234 [jdoe] Peer Connection Initiated with [AF_INET]198.51.100.7:51234",
        "jdoe/198.51.100.7:51234 MULTI_sva: pool returned IPv4=10.8.0.6, IPv6=(Not enabled)",
        "jdoe/198.51.100.7:51234 MULTI: Learn: 10.8.0.6 -> jdoe/198.51.100.7:51234",
        "jdoe/198.51.100.7:51234 MULTI: primary virtual IP for jdoe/198.51.100.7:51234: 10.8.0.6",
        "jdoe/198.51.100.7:51234 PUSH: Received control message: 'PUSH_REQUEST'",
        "jdoe/198.51.100.7:51234 SENT CONTROL [jdoe]: 'PUSH_REPLY,route 10.8.0.1,topology net30,ping 10,"
            + "ping-restart 120,ifconfig 10.8.0.6 10.8.0.5,peer-id 0,cipher AES-256-GCM' (status=1)",
        "jdoe/198.51.100.7:51234 SIGTERM[soft,remote-exit] received, client-instance exiting",
        "203.0.113.66:40000 TLS Auth Error: Auth Username/Password verification failed for peer",
        "203.0.113.66:40000 SENT CONTROL [UNDEF]: 'AUTH_FAILED' (status=1)",
    };
    /** Lines without the tag: status-file records and log-file lines. */
    private static final String[] UNTAGGED = {
        "CLIENT_LIST,jdoe,198.51.100.7:51234,10.8.0.6,,1234567,7654321,2026-11-26 09:00:00,1795683600,UNDEF,7,0,"
            + "AES-256-GCM",
        "ROUTING_TABLE,10.8.0.6,jdoe,198.51.100.7:51234,2026-11-26 09:59:30,1795687170",
        "2026-11-26 09:15:02 alice/203.0.113.20:1194 MULTI_sva: pool returned IPv4=10.8.0.10, IPv6=(Not enabled)",
        "Thu Nov 26 09:15:02 2026 alice/203.0.113.20:1194 Connection reset, restarting [0]",
    };

    private final OpenVpnParser parser = new OpenVpnParser();
    private ParseContext context;
    private SyslogMessage[] messages;

    @Setup
    public void setUp() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        context = new ParseContext(ZoneId.of("UTC"), Clock.fixed(now, ZoneId.of("UTC")), InternalNetworks.defaults());
        messages = new SyslogMessage[TAGGED.length + UNTAGGED.length];
        for (int i = 0; i < TAGGED.length; i++) {
            // As the header parser hands them over: header time, host and tag split off.
            messages[i] = new SyslogMessage("<29>Nov 26 10:00:00 vpn1 openvpn[811]: " + TAGGED[i], 29,
                    now.toEpochMilli() + i, "vpn1", "openvpn", null, TAGGED[i]);
        }
        for (int i = 0; i < UNTAGGED.length; i++) {
            messages[TAGGED.length + i] = SyslogMessage.bare(UNTAGGED[i]);
        }
        for (SyslogMessage m : messages) {
            if (!(parser.parse(m, context) instanceof ParseResult.Parsed)) {
                throw new IllegalStateException("benchmark line does not parse: " + m.message());
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
