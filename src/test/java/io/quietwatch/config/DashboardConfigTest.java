package io.quietwatch.config;

import io.quietwatch.web.PasswordHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dashboard:} read with its defaults, and every problem reported at the file's line and column. */
class DashboardConfigTest {
    private final ConfigLoader loader = new ConfigLoader(Set.of("cisco-asa"));

    @Test
    void defaultsServeOnLoopback8080WithOpenHealthAndClosedMetrics() {
        DashboardConfig d = loader.parse("", "q.yaml").config().dashboard();
        assertThat(d).isEqualTo(new DashboardConfig(true, "127.0.0.1", 8080, null, List.of(), false, true, 480, null));
    }

    @Test
    void readsUsersTlsAndFlags(@TempDir Path dir) throws Exception {
        Path cert = Files.writeString(dir.resolve("c.pem"), "x");
        Path key = Files.writeString(dir.resolve("k.pem"), "x");
        String hash = PasswordHash.create("a long password".toCharArray(), PasswordHash.MIN_ITERATIONS);
        ConfigLoader.Result r = loader.parse("""
                dashboard:
                  port: 8443
                  tls: {cert_file: %s, key_file: %s}
                  users:
                    - {name: alice, password_hash: "%s"}
                  metrics_open: true
                  health_open: false
                  session_minutes: 60
                  token_file: conf/dashboard.token
                """.formatted(cert, key, hash), "q.yaml");
        assertThat(r.problems()).isEmpty();
        assertThat(r.config().dashboard()).isEqualTo(new DashboardConfig(true, "127.0.0.1", 8443,
                new DashboardConfig.Tls(cert.toString(), key.toString()), List.of(new DashboardConfig.User("alice", hash)),
                true, false, 60, "conf/dashboard.token"));
    }

    @Test
    void badValuesArePositionedProblems() {
        ConfigLoader.Result r = loader.parse("""
                dashboard:
                  port: 70000
                  session_minutes: 0
                  tls: {cert_file: /nonexistent/c.pem, key_file: /nonexistent/k.pem}
                  users:
                    - {name: alice, password_hash: "secret"}
                    - {name: alice, password_hash: "pbkdf2-sha256$1000$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"}
                    - {name: "bob smith", password_hash: "pbkdf2-sha256$600000$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"}
                """, "q.yaml");
        assertThat(r.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "q.yaml:2:9: dashboard.port: 70000 is not a port (0-65535)",
                "q.yaml:3:20: dashboard.session_minutes: must be between 1 and 43200 (30 days)",
                "q.yaml:4:20: dashboard.tls.cert_file: /nonexistent/c.pem is not a readable file",
                "q.yaml:4:50: dashboard.tls.key_file: /nonexistent/k.pem is not a readable file",
                "q.yaml:6:36: dashboard.users[0].password_hash: is not a pbkdf2-sha256$<iterations>$<salt>$<hash> string "
                        + "(make one with bin/quietwatch passwd)",
                "q.yaml:7:14: dashboard.users[1].name: another user is also named 'alice'",
                "q.yaml:7:36: dashboard.users[1].password_hash: iterations must be between 100000 and 10000000",
                "q.yaml:8:14: dashboard.users[2].name: may hold only letters, digits and . _ @ - (at most 64)");
    }

    @Test
    void relativeTlsFilesAreCheckedUnderHomeWhereTheDashboardOpensThem(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/c.pem"), "cert");
        Files.writeString(home.resolve("conf/k.pem"), "key");
        String yaml = """
                dashboard:
                  tls: {cert_file: conf/c.pem, key_file: conf/k.pem}
                """;
        assertThat(new ConfigLoader(Set.of("cisco-asa"), home).parse(yaml, "q.yaml").problems()).isEmpty();
        assertThat(new ConfigLoader(Set.of("cisco-asa"), home.resolve("elsewhere")).parse(yaml, "q.yaml").problems())
                .extracting(Object::toString).containsExactlyInAnyOrder(
                        "q.yaml:2:20: dashboard.tls.cert_file: conf/c.pem is not a readable file",
                        "q.yaml:2:42: dashboard.tls.key_file: conf/k.pem is not a readable file");
    }

    @Test
    void anUnknownKeyIsAProblem() {
        assertThat(loader.parse("dashboard:\n  colour: blue\n", "q.yaml").problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("q.yaml:2:3:").contains("colour"));
    }
}
