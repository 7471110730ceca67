package io.quietwatch.alert.sink.email;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quietwatch.alert.SinkException;
import io.quietwatch.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.quietwatch.alert.sink.email.EmailFixtures.config;
import static io.quietwatch.alert.sink.email.EmailFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailSinkConfigTest {
    @TempDir
    Path home;

    private List<String> startProblems(String yaml) {
        EmailSink sink = new EmailSink(config(yaml), context(home));
        try {
            sink.start();
            sink.close();
            throw new AssertionError("started");
        } catch (SinkException e) {
            assertThat(e.getMessage()).startsWith("sink " + sink.name() + ": ");
            return e.problems();
        }
    }

    @Test
    void startListsEveryProblemAtOnce() {
        List<String> problems = startProblems("""
                smtp_port: 70000
                tls: ssl
                to: ['not an address', 'soc@example.org']
                cc: ['a@b.example, c@d.example', "x@y.example\\r\\nBcc: z@evil.example"]
                username: qw
                password_file: missing.pw
                min_severity: urgent
                digest_minutes: 1500
                digest_max_severity: high
                subject_template: '{severity} {hostname}'
                connect_timeout_seconds: 0
                timeout_seconds: 0
                """);
        assertThat(problems).containsExactlyInAnyOrder(
                "smtp_host: is required",
                "smtp_port: 70000 is not a port (1-65535)",
                "tls: 'ssl' is not one of none, starttls, implicit",
                "from: is required",
                "to: 'not an address' is not an e-mail address (Local address contains control or whitespace)",
                "cc: 'a@b.example, c@d.example' is not an e-mail address (expected one address, found 2)",
                "cc: 'x@y.example Bcc: z@evil.example' is not an e-mail address (control character)",
                "min_severity: 'urgent' is not one of low, medium, high, critical",
                "digest_minutes: must be between 0 (no digest) and 1440",
                "connect_timeout_seconds: must be between 1 and 600",
                "timeout_seconds: must be between 1 and 3600",
                "subject_template: unknown placeholder(s) [hostname]; known: "
                        + "[count, destination, detection, host, id, rule, severity, title, user]",
                "password_file: cannot read " + home.resolve("missing.pw") + ": " + home.resolve("missing.pw"));
    }

    @Test
    void secretsAndTlsSettingsMustBeConsistent() {
        assertThat(startProblems("""
                smtp_host: mail.example.org
                from: qw@example.org
                to: [soc@example.org]
                password: a
                password_env: QW_SMTP_PASSWORD
                tls: none
                trust_file: ca.pem
                insecure_skip_verify: true
                """)).containsExactlyInAnyOrder(
                "password: give only one of password, password_file, password_env",
                "username: is required when a password is given",
                "tls: is none, so trust_file and insecure_skip_verify have no effect; remove them or enable TLS",
                "insecure_skip_verify: cannot be combined with trust_file",
                "trust_file: cannot use " + home.resolve("ca.pem") + ": " + home.resolve("ca.pem"));
    }

    @Test
    void missingSecretsAndUnusableFilesAreNamed() throws Exception {
        Files.writeString(home.resolve("bad.pem"), "not a certificate");
        Files.writeString(home.resolve("empty.pw"), "");
        List<String> problems = startProblems("""
                smtp_host: mail.example.org
                from: qw@example.org
                to: [soc@example.org]
                username: qw
                password_file: empty.pw
                trust_file: bad.pem
                """);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).isEqualTo("password_file: " + home.resolve("empty.pw") + " is empty");
        assertThat(problems.get(1)).startsWith("trust_file: cannot use " + home.resolve("bad.pem") + ": ");
        assertThat(startProblems("""
                smtp_host: mail.example.org
                from: qw@example.org
                to: [soc@example.org]
                username: qw
                password_env: QUIETWATCH_TEST_UNSET_VARIABLE_4711
                """)).containsExactly("password_env: environment variable QUIETWATCH_TEST_UNSET_VARIABLE_4711 is not set");
    }

    @Test
    void digestSettingsMustFitTogether() {
        String base = "smtp_host: m.example.org\nfrom: a@example.org\nto: [b@example.org]\n";
        assertThat(startProblems(base + "digest_max_severity: medium\n"))
                .containsExactly("digest_max_severity: has no effect without digest_minutes");
        assertThat(startProblems(base + "digest_minutes: 10\ndigest_max_severity: low\nmin_severity: high\n"))
                .containsExactly("digest_max_severity: low is below min_severity high, so no alert would be batched");
        assertThat(startProblems("smtp_host: mail.example.org:587\nfrom: a@example.org\nto: [b@example.org]\n"))
                .containsExactly("smtp_host: 'mail.example.org:587' has a port; give the port as smtp_port");
        assertThat(config("smtp_host: '::1'\nfrom: a@example.org\nto: [b@example.org]\n").problems()).isEmpty();
        assertThat(startProblems(base + "digest_minutes: -1\n"))
                .containsExactly("digest_minutes: must be between 0 (no digest) and 1440");
    }

    @Test
    void aSpoolThatCannotBeWrittenIsAProblem() throws Exception {
        Files.writeString(home.resolve("file"), "x");
        assertThat(startProblems("""
                smtp_host: m.example.org
                from: a@example.org
                to: [b@example.org]
                digest_minutes: 5
                digest_spool_file: file/spool.jsonl
                """)).singleElement().satisfies(p -> assertThat(p).startsWith("digest_spool_file: cannot use "));
    }

    @Test
    void defaultsFollowTheTlsMode() {
        EmailSinkConfig c = config("smtp_host: m\nfrom: a@example.org\nto: [b@example.org]\n");
        assertThat(c.name()).isEqualTo("email");
        assertThat(c.tlsMode()).isEqualTo(EmailSinkConfig.Tls.STARTTLS);
        assertThat(c.port()).isEqualTo(587);
        assertThat(config("smtp_host: m\ntls: implicit\n").port()).isEqualTo(465);
        assertThat(config("smtp_host: m\ntls: none\n").port()).isEqualTo(25);
        assertThat(config("smtp_host: m\ntls: none\nsmtp_port: 2525\n").port()).isEqualTo(2525);
        assertThat(c.subjectTemplate()).isEqualTo("[QuietWatch] {severity} {detection} on {host}{user}");
        assertThat(c.minSeverity()).isEqualTo("low");
        assertThat(c.digest()).isFalse();
        assertThat(c.connectTimeoutSeconds()).isEqualTo(10);
        assertThat(c.timeoutSeconds()).isEqualTo(30);
        assertThat(config("name: 'night/shift mail'\n").digestSpoolFile())
                .isEqualTo("var/spool/email-night_shift_mail.digest.jsonl");
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void neitherToStringNorJsonShowsThePassword() throws Exception {
        EmailSinkConfig c = config("smtp_host: m\nusername: qw\npassword: hunter2-secret\n");
        assertThat(c.password()).isEqualTo("hunter2-secret");
        assertThat(c.toString()).contains("password=****", "username=qw").doesNotContain("hunter2");
        assertThat(new ObjectMapper().writeValueAsString(c)).contains("\"username\":\"qw\"").doesNotContain("hunter2");
    }

    @Test
    void theConfigLoaderBindsAnEmailSinkAndPlacesItsProblems() {
        ConfigLoader.Result ok = new ConfigLoader(Set.of()).parse("""
                sinks:
                  - type: email
                    name: soc-mail
                    smtp_host: mail.example.org
                    from: quietwatch@example.org
                    to: [soc@example.org]
                    cc: [noc@example.org]
                    digest_minutes: 15
                """, "quietwatch.yaml");
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.config().sinks()).singleElement().isInstanceOfSatisfying(EmailSinkConfig.class, c -> {
            assertThat(c.cc()).containsExactly("noc@example.org");
            assertThat(c.digestMinutes()).isEqualTo(15);
        });
        ConfigLoader.Result bad = new ConfigLoader(Set.of()).parse("""
                sinks:
                  - type: email
                    smtp_host: mail.example.org
                    smtp_prot: 25
                """, "quietwatch.yaml");
        assertThat(bad.problems()).anySatisfy(p -> assertThat(p.message()).contains("unknown key 'smtp_prot'"));
        ConfigLoader.Result values = new ConfigLoader(Set.of()).parse("""
                sinks:
                  - type: email
                    smtp_host: mail.example.org
                    smtp_port: 0
                    from: quietwatch@example.org
                    to: [soc@example.org]
                """, "quietwatch.yaml");
        assertThat(values.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("sinks[0].smtp_port: 0 is not a port (1-65535)");
            assertThat(p.line()).isEqualTo(4);
        });
    }

    @Test
    void startRefusesThenStartsWhenFixed() throws Exception {
        assertThatThrownBy(() -> new EmailSink(config("smtp_host: m\n"), context(home)).start())
                .isInstanceOf(SinkException.class);
        try (EmailSink sink = new EmailSink(config("smtp_host: m\nfrom: a@example.org\nto: [b@example.org]\n"), context(home))) {
            sink.start();
        }
    }
}
