package io.quietwatch.alert.sink.syslog;

import io.quietwatch.alert.SinkType;
import io.quietwatch.config.ConfigLoader;
import io.quietwatch.config.ConfigProblem;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SyslogSinkConfigTest {
    private final ConfigLoader loader = new ConfigLoader(Set.of());

    @Test
    void isFoundByTypeName() {
        assertThat(SinkType.all().get("syslog")).isInstanceOf(SyslogSinkType.class);
    }

    @Test
    void readsSnakeCaseYamlWithDefaults() {
        String yaml = """
                sinks:
                  - type: syslog
                    host: siem.example.org
                  - type: syslog
                    name: siem-tls
                    host: siem.example.org
                    protocol: tls
                    tls_trust_file: conf/siem-ca.pem
                    tls_cert_file: conf/qw.pem
                    tls_key_file: conf/qw-key.pem
                    tls_verify_hostname: false
                    framing: LF
                    header: rfc3164
                    facility: local7
                    app_name: qw
                    hostname: qw-1
                    max_message_size: 16384
                    connect_timeout_seconds: 3
                    request_timeout_seconds: 4
                  - type: syslog
                    name: siem-udp
                    host: 192.0.2.10
                    protocol: udp
                """;
        ConfigLoader.Result r = loader.parse(yaml, "q.yaml");
        assertThat(r.problems()).isEmpty();
        assertThat(r.config().sinks()).containsExactly(
                new SyslogSinkConfig("syslog", "siem.example.org", 514, "tcp", "octet-counting", "rfc5424", "local4",
                        "quietwatch", null, null, null, null, true, 8192, 10, 10),
                new SyslogSinkConfig("siem-tls", "siem.example.org", 6514, "tls", "lf", "rfc3164", "local7", "qw", "qw-1",
                        "conf/siem-ca.pem", "conf/qw.pem", "conf/qw-key.pem", false, 16384, 3, 4),
                new SyslogSinkConfig("siem-udp", "192.0.2.10", 514, "udp", null, "rfc5424", "local4", "quietwatch", null,
                        null, null, null, true, 8192, 10, 10));
    }

    @Test
    void listsEveryBadValue() {
        SyslogSinkConfig c = new SyslogSinkConfig("s", " ", 70_000, "udp", "lf", "rfc9999", "local9", "has space",
                "bad host", "ca.pem", null, null, null, 65_508, 0, 301);
        assertThat(c.problems()).containsExactly(
                "host: must name the receiver (a host name or address)",
                "port: 70000 is not a port",
                "framing: only applies to protocols tcp and tls",
                "header: 'rfc9999' is not a header format; use rfc5424 or rfc3164",
                "facility: 'local9' is not a facility; use kern, user, mail, daemon, auth, syslog, lpr, news, uucp, cron,"
                        + " authpriv, ftp, ntp, security, console, clock or local0 to local7",
                "app_name: must be 1 to 48 printable ASCII characters without spaces",
                "hostname: must be 1 to 255 printable ASCII characters without spaces",
                "tls_trust_file: only applies to protocol tls",
                "max_message_size: must be between 2048 and 65507 for udp",
                "connect_timeout_seconds: must be between 1 and 300",
                "request_timeout_seconds: must be between 1 and 300");
    }

    @Test
    void checksProtocolFramingAndTheTlsPair() {
        assertThat(SyslogSinkConfig.of("s", "h", 1, "sctp").problems()).containsExactly(
                "protocol: 'sctp' is not a protocol; use udp, tcp or tls");
        SyslogSinkConfig tls = new SyslogSinkConfig("s", "h", null, "TLS", "newline", "rfc3164", null, "qw:1", null, null,
                "c.pem", null, null, 2047, null, null);
        assertThat(tls.problems()).containsExactly(
                "framing: 'newline' is not a framing; use octet-counting or lf",
                "app_name: must not contain ':' or '[' with header rfc3164 (they end the TAG)",
                "tls_key_file: is required with tls_cert_file",
                "max_message_size: must be between 2048 and 1048576");
        assertThat(SyslogSinkConfig.of("s", "h", 6514, "tls").problems()).isEmpty();
    }

    @Test
    void loaderPointsAtTheBadKey() {
        String yaml = """
                sinks:
                  - type: syslog
                    host: siem
                    port: 70000
                """;
        assertThat(loader.parse(yaml, "q.yaml").problems()).extracting(ConfigProblem::toString)
                .containsExactly("q.yaml:4:11: sinks[0].port: 70000 is not a port");
    }
}
