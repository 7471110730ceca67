package io.quietwatch.alert.sink.email;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.AlertSink.Delivery;
import io.quietwatch.alert.AlertSink.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.quietwatch.alert.sink.email.EmailFixtures.alert;
import static io.quietwatch.alert.sink.email.EmailFixtures.config;
import static io.quietwatch.alert.sink.email.EmailFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS: SMTPS (implicit TLS) against GreenMail's SMTPS server, STARTTLS through a STARTTLS front to
 * GreenMail, each with certificates from {@link TestPki} checked against {@code trust_file}.
 */
class EmailSinkTlsTest {
    private static final Path CA = TestPki.CA_PEM;

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("quietwatch@example.org", "qw", "s3cret"));

    @TempDir
    Path home;

    private Delivery deliverOnce(String yaml) throws Exception {
        try (EmailSink sink = new EmailSink(config(yaml), context(home))) {
            sink.start();
            return sink.deliver(alert("7a7a", AlertSeverity.HIGH));
        }
    }

    private static String sink(String tls, int port, String extra) {
        return """
                smtp_host: 127.0.0.1
                smtp_port: %d
                tls: %s
                from: quietwatch@example.org
                to: [soc@example.org]
                connect_timeout_seconds: 5
                timeout_seconds: 10
                """.formatted(port, tls) + extra;
    }

    @Test
    void implicitTlsWithAPrivateCa() throws Exception {
        Delivery d = deliverOnce(sink("implicit", MAIL.getSmtps().getPort(), "trust_file: " + CA + "\n"));
        assertThat(d.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(MAIL.getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).startsWith("[QuietWatch] high http-tunnel"));
    }

    @Test
    void implicitTlsWithAuth() throws Exception {
        Delivery d = deliverOnce(sink("implicit", MAIL.getSmtps().getPort(),
                "trust_file: " + CA + "\nusername: qw\npassword: s3cret\n"));
        assertThat(d.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aCertificateFromAnotherCaIsRejected() throws Exception {
        Delivery d = deliverOnce(sink("implicit", MAIL.getSmtps().getPort(), "trust_file: " + TestPki.OTHER_CA_PEM + "\n"));
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(d.reason()).startsWith("TLS: certificate of 127.0.0.1:" + MAIL.getSmtps().getPort() + " not accepted");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void theJvmTrustStoreDoesNotKnowAPrivateCa() throws Exception {
        Delivery d = deliverOnce(sink("implicit", MAIL.getSmtps().getPort(), ""));
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void skippingVerificationMustBeAskedFor() throws Exception {
        Delivery d = deliverOnce(sink("implicit", MAIL.getSmtps().getPort(), "insecure_skip_verify: true\n"));
        assertThat(d.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void startTlsWithAuth() throws Exception {
        try (StartTlsFront front = new StartTlsFront(TestPki.SERVER, MAIL.getSmtp().getPort())) {
            Delivery d = deliverOnce(sink("starttls", front.port(), "trust_file: " + CA + "\nusername: qw\npassword: s3cret\n"));
            assertThat(d.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(front.tlsSessions()).isEqualTo(1);
        }
        assertThat(MAIL.getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getHeader("X-QuietWatch-Alert-Id")).containsExactly("7a7a"));
    }

    @Test
    void aCertificateForAnotherNameIsRejectedUnlessVerificationIsSkipped() throws Exception {
        try (StartTlsFront front = new StartTlsFront(TestPki.WRONG_NAME, MAIL.getSmtp().getPort())) {
            Delivery d = deliverOnce(sink("starttls", front.port(), "trust_file: " + CA + "\n"));
            assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(d.reason()).startsWith("TLS: certificate of 127.0.0.1:" + front.port() + " not accepted");
            assertThat(MAIL.getReceivedMessages()).isEmpty();

            assertThat(deliverOnce(sink("starttls", front.port(), "insecure_skip_verify: true\n")).outcome())
                    .isEqualTo(Outcome.DELIVERED);
        }
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void startTlsIsRequiredWhenAskedFor() throws Exception {
        // GreenMail's plain SMTP server does not offer STARTTLS
        Delivery d = deliverOnce(sink("starttls", MAIL.getSmtp().getPort(), "trust_file: " + CA + "\n"));
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(d.reason()).contains("does not offer STARTTLS");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }
}
