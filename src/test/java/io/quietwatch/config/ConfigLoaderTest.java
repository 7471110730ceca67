package io.quietwatch.config;

import io.quietwatch.alert.sink.file.FileSinkConfig;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader(Set.of("cisco-asa", "netfilter"));

    @Test
    void emptyFileGivesTheEmbeddedDefaults() {
        ConfigLoader.Result r = loader.parse("", "q.yaml");
        assertThat(r.problems()).isEmpty();
        QuietWatchConfig c = r.config();
        assertThat(c.inputs()).extracting(InputConfig::protocol, InputConfig::port)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("udp", 5514), org.assertj.core.groups.Tuple.tuple("tcp", 5514));
        assertThat(c.inputs().get(0).maxMessageSize()).isEqualTo(65536);
        assertThat(c.internalNetworks()).contains("10.0.0.0/8", "fc00::/7");
        assertThat(c.sinks()).singleElement().isEqualTo(new FileSinkConfig("alerts-file", "var/alerts.jsonl"));
        assertThat(c.rulesDir()).isEqualTo("epl-rules");
    }

    @Test
    void readsSnakeCaseKeysIntoRecords() {
        String yaml = """
                inputs:
                  - protocol: tcp
                    port: 6000
                    bind_address: 127.0.0.1
                    default_timezone: Europe/Paris
                    max_message_size: 8192
                    allowed_senders: [10.0.0.0/8]
                internal_networks: [192.168.10.0/24]
                rule_variables:
                  http_tunnel_min_seconds: 1800
                sinks:
                  - type: file
                    name: soc
                    path: /tmp/a.jsonl
                """;
        ConfigLoader.Result r = loader.parse(yaml, "q.yaml");
        assertThat(r.problems()).isEmpty();
        InputConfig in = r.config().inputs().get(0);
        assertThat(in.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(in.defaultTimezone()).isEqualTo("Europe/Paris");
        assertThat(in.allowedSenders()).containsExactly("10.0.0.0/8");
        assertThat(in.name()).isEqualTo("syslog-tcp-6000");
        assertThat(r.config().ruleVariables()).containsEntry("http_tunnel_min_seconds", 1800);
        assertThat(r.config().sinks()).containsExactly(new FileSinkConfig("soc", "/tmp/a.jsonl"));
    }

    @Test
    void reportsEveryProblemAtOnceWithLineAndColumn() {
        String yaml = """
                inputs:
                  - protocol: udp
                    port: 70000
                    colour: blue
                  - protocol: carrier-pigeon
                    port: 5514
                    default_timezone: Mars/Olympus
                    format: sendmail
                internal_networks: [10.0.0.0/33]
                queue_capacity: lots
                sinks:
                  - type: telegraph
                """;
        ConfigLoader.Result r = loader.parse(yaml, "conf/q.yaml");
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).extracting(ConfigProblem::toString).contains(
                "conf/q.yaml:4:5: inputs[0].colour: unknown key 'colour'",
                "conf/q.yaml:10:17: queue_capacity: 'lots' is not a whole number");
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.toString()).startsWith("conf/q.yaml:12:").contains("unknown type 'telegraph'"));
    }

    @Test
    void valueProblemsPointAtTheValue() {
        String yaml = """
                inputs:
                  - protocol: udp
                    port: 70000
                  - protocol: carrier-pigeon
                    port: 5514
                    default_timezone: Mars/Olympus
                    format: sendmail
                internal_networks: [10.0.0.0/33]
                """;
        ConfigLoader.Result r = loader.parse(yaml, "q.yaml");
        assertThat(r.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "q.yaml:3:11: inputs[0].port: 70000 is not a port (0-65535)",
                "q.yaml:4:15: inputs[1].protocol: 'carrier-pigeon' is not a protocol; use udp, tcp or tls",
                "q.yaml:6:23: inputs[1].default_timezone: 'Mars/Olympus' is not a time zone (use e.g. UTC, Europe/Paris, +02:00)",
                "q.yaml:7:13: inputs[1].format: 'sendmail' is not a format; use auto or one of cisco-asa, netfilter",
                "q.yaml:8:21: internal_networks[0]: '10.0.0.0/33' has a prefix length outside 0-32");
    }

    @Test
    void twoInputsOnOnePortClash() {
        String yaml = """
                inputs:
                  - {protocol: udp, port: 5514}
                  - {protocol: udp, port: 5514, name: again}
                """;
        assertThat(loader.parse(yaml, "q.yaml").problems()).extracting(ConfigProblem::message)
                .containsExactly("inputs[1].port: input 'syslog-udp-5514' already listens on udp/5514");
    }

    @Test
    void readsTheEngineCapsAndRefusesZero() {
        ConfigLoader.Result ok = loader.parse("engine:\n  max_active_hosts: 70000\n  max_open_incidents: 900\n", "q.yaml");
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.config().engine().maxActiveHosts()).isEqualTo(70_000);
        assertThat(ok.config().engine().maxOpenIncidents()).isEqualTo(900);
        assertThat(loader.parse("", "q.yaml").config().engine().maxActiveHosts()).isEqualTo(500_000);
        String yaml = """
                engine:
                  max_active_hosts: 0
                  max_open_incidents: -1
                """;
        assertThat(loader.parse(yaml, "q.yaml").problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "q.yaml:2:21: engine.max_active_hosts: must be at least 1",
                "q.yaml:3:23: engine.max_open_incidents: must be at least 1");
    }

    @Test
    void brokenYamlIsAPositionedProblem() {
        ConfigLoader.Result r = loader.parse("inputs:\n  - protocol: [udp\n", "q.yaml");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid YAML");
            assertThat(p.line()).isGreaterThan(1);
        });
    }

    @Test
    void readsATlsInputAndChecksItsFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path cert = java.nio.file.Files.writeString(dir.resolve("server.pem"), "pem");
        java.nio.file.Path key = java.nio.file.Files.writeString(dir.resolve("server.key"), "pem");
        String yaml = """
                inputs:
                  - protocol: tls
                    max_connections: 50
                    idle_timeout_seconds: 600
                    tls:
                      cert_file: %s
                      key_file: %s
                """.formatted(cert, key);
        ConfigLoader.Result r = loader.parse(yaml, "q.yaml");
        assertThat(r.problems()).isEmpty();
        InputConfig in = r.config().inputs().get(0);
        assertThat(in.port()).isEqualTo(6514);
        assertThat(in.maxConnections()).isEqualTo(50);
        assertThat(in.idleTimeoutSeconds()).isEqualTo(600);
        assertThat(in.tls()).isEqualTo(new TlsConfig(cert.toString(), key.toString(), null, "none"));

        String broken = """
                inputs:
                  - protocol: tls
                    tls:
                      cert_file: %s
                      key_file: %s
                      client_auth: required
                  - protocol: tcp
                    tls: {cert_file: %s, key_file: %s}
                    max_connections: 0
                """.formatted(cert, dir.resolve("nowhere.key"), cert, key);
        assertThat(loader.parse(broken, "q.yaml").problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "q.yaml:5:17: inputs[0].tls.key_file: " + dir.resolve("nowhere.key") + " is not a readable file",
                "q.yaml:4:7: inputs[0].tls.client_ca_file: must name a PEM file",
                "q.yaml:8:10: inputs[1].tls: is only for protocol tls",
                "q.yaml:9:22: inputs[1].max_connections: must be at least 1");
    }


    @Test
    void readsTheStateSectionAndPositionsItsProblems() {
        ConfigLoader.Result ok = loader.parse("""
                state:
                  path: /var/lib/qw/state.json.gz
                  snapshot_interval_seconds: 15
                """, "q.yaml");
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.config().state()).isEqualTo(new StateConfig(true, "/var/lib/qw/state.json.gz", 15));
        assertThat(loader.parse("", "q.yaml").config().state()).isEqualTo(new StateConfig(true, "var/state/snapshot.json.gz", 60));

        ConfigLoader.Result bad = loader.parse("""
                state:
                  enabled: false
                  path: ""
                  snapshot_interval_seconds: 0
                """, "q.yaml");
        assertThat(bad.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "q.yaml:3:9: state.path: must name a file",
                "q.yaml:4:30: state.snapshot_interval_seconds: must be between 1 and 86400 (seconds)");
        assertThat(loader.parse("state: {interval: 5}", "q.yaml").problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("q.yaml:1:").contains("interval"));
    }
}
