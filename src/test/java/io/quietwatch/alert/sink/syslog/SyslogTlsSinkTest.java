package io.quietwatch.alert.sink.syslog;

import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyslogTlsSinkTest {
    @TempDir
    Path dir;
    private TestCertificates pki;
    private StreamReceiver receiver;
    private SyslogSink sink;

    @BeforeEach
    void makeCa() throws Exception {
        pki = new TestCertificates("QuietWatch Test CA");
        pki.writeCa(dir.resolve("ca.pem"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (sink != null) {
            sink.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private StreamReceiver receiver(TestCertificates.Issued server, String clientAuth, String... protocols) throws Exception {
        receiver = StreamReceiver.tls(0, server.context(pki.ca()), clientAuth, protocols);
        return receiver;
    }

    /** A sink trusting ca.pem; {@code client} names cert and key files in {@code dir}, or null. */
    private SyslogSink start(String host, boolean verifyHostname, String client) throws SinkException {
        sink = new SyslogSink(new SyslogSinkConfig("siem-tls", host, receiver.port(), "tls", null, null, null, null,
                "qw-test", "ca.pem", client == null ? null : client + ".pem", client == null ? null : client + "-key.pem",
                verifyHostname, null, 2, 2), dir);
        sink.start();
        return sink;
    }

    @Test
    void deliversOverTls13WithSniToATrustedReceiver() throws Exception {
        receiver(pki.server("syslog.test"), "none");
        start("localhost", true, null);
        assertThat(sink.deliver(AlertFixtures.download("s1"))).isEqualTo(AlertSink.Delivery.delivered(0));
        assertThat(sink.deliver(AlertFixtures.hostile("s2", AlertFixtures.NASTY)).outcome()).isEqualTo(AlertSink.Outcome.DELIVERED);
        assertThat(SyslogTestMessage.parse(receiver.next()).cef().extension()).containsEntry("externalId", "s1");
        assertThat(SyslogTestMessage.parse(receiver.next()).cef().extension()).containsEntry("externalId", "s2")
                .containsEntry("suser", "user " + AlertFixtures.NASTY);
        assertThat(receiver.connections.get()).isEqualTo(1);
        assertThat(receiver.protocols).containsExactly("TLSv1.3");
        assertThat(receiver.serverNames).containsExactly("localhost");
    }

    @Test
    void talksTls12ToAReceiverThatOnlyHasIt() throws Exception {
        receiver(pki.server("syslog.test"), "none", "TLSv1.2");
        start("127.0.0.1", true, null);
        assertThat(sink.deliver(AlertFixtures.download("v12")).outcome()).isEqualTo(AlertSink.Outcome.DELIVERED);
        assertThat(receiver.next()).contains("externalId=v12");
        assertThat(receiver.protocols).containsExactly("TLSv1.2");
        assertThat(receiver.serverNames).as("no SNI for an address").isEmpty();
    }

    @Test
    void refusesAReceiverWhoseCertificateNoTrustedCaSigned() throws Exception {
        TestCertificates rogue = new TestCertificates("Rogue CA");
        receiver = StreamReceiver.tls(0, rogue.server("rogue-syslog").context(rogue.ca()), "none");
        start("localhost", true, null);
        AlertSink.Delivery d = sink.deliver(AlertFixtures.download("r1"));
        assertThat(d.outcome()).isEqualTo(AlertSink.Outcome.RETRY_LATER);
        assertThat(d.reason()).startsWith("tls localhost:" + receiver.port() + ": TLS handshake failed: receiver certificate "
                        + "'CN=rogue-syslog' issued by 'CN=Rogue CA' (valid ")
                .contains("is refused: PKIX path building failed", "unable to find valid certification path",
                        "(trusted CAs: " + dir.resolve("ca.pem") + ")");
        assertThat(receiver.messages.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void checksTheReceiversNameUnlessToldNotTo() throws Exception {
        receiver(pki.server("elsewhere", "elsewhere.example"), "none");
        start("127.0.0.1", true, null);
        AlertSink.Delivery d = sink.deliver(AlertFixtures.download("n1"));
        assertThat(d.outcome()).isEqualTo(AlertSink.Outcome.RETRY_LATER);
        assertThat(d.reason()).contains("receiver certificate 'CN=elsewhere'", "No subject alternative names matching IP address 127.0.0.1");
        sink.close();

        start("127.0.0.1", false, null);
        assertThat(sink.deliver(AlertFixtures.download("n2")).outcome()).isEqualTo(AlertSink.Outcome.DELIVERED);
        assertThat(receiver.next()).contains("externalId=n2");
    }

    @Test
    void presentsTheConfiguredClientCertificate() throws Exception {
        TestCertificates.Issued client = pki.client("qw-client", "RSA");
        client.writeCert(dir.resolve("client.pem"));
        client.writeKey(dir.resolve("client-key.pem"));
        receiver(pki.server("syslog.test"), "need");
        start("localhost", true, "client");
        assertThat(sink.deliver(AlertFixtures.download("c1")).outcome()).isEqualTo(AlertSink.Outcome.DELIVERED);
        assertThat(receiver.next()).contains("externalId=c1");
        assertThat(receiver.clientSubjects).containsExactly("CN=qw-client");
    }

    @Test
    void aReceiverThatRequiresAClientCertificateRefusesTheSessionAndNothingIsCountedAsSent() throws Exception {
        receiver(pki.server("syslog.test"), "need");
        start("localhost", true, null);
        AlertSink.Delivery d = sink.deliver(AlertFixtures.download("c2"));
        assertThat(d.outcome()).isEqualTo(AlertSink.Outcome.RETRY_LATER);
        assertThat(d.reason()).startsWith("tls localhost:" + receiver.port()
                + ": the receiver refused the TLS session after the handshake: ").containsAnyOf("certificate_required", "bad_certificate");
        assertThat(receiver.messages.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void reconnectsAfterTheReceiverComesBack() throws Exception {
        TestCertificates.Issued server = pki.server("syslog.test");
        receiver(server, "none");
        int port = receiver.port();
        start("localhost", true, null);
        assertThat(sink.deliver(AlertFixtures.download("b1")).outcome()).isEqualTo(AlertSink.Outcome.DELIVERED);
        assertThat(receiver.next()).contains("externalId=b1");
        receiver.close();
        assertThat(sink.deliver(AlertFixtures.download("b2")).reason()).contains("cannot connect");

        receiver = StreamReceiver.tls(port, server.context(pki.ca()), "none");
        assertThat(sink.deliver(AlertFixtures.download("b2")).outcome()).isEqualTo(AlertSink.Outcome.DELIVERED);
        assertThat(receiver.next()).contains("externalId=b2");
        assertThat(receiver.connections.get()).isEqualTo(1);
    }

    @Test
    void refusesToStartWithUnusableCertificateFiles() throws Exception {
        TestCertificates.Issued client = pki.client("qw-client", "EC");
        TestCertificates.Issued other = pki.client("other", "EC");
        client.writeCert(dir.resolve("client.pem"));
        other.writeKey(dir.resolve("client-key.pem"));
        Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        receiver(pki.server("syslog.test"), "none");
        assertThatThrownBy(() -> start("localhost", true, "client")).isInstanceOf(SinkException.class)
                .satisfies(e -> assertThat(((SinkException) e).problems()).containsExactly(
                        "tls_trust_file: cannot use " + dir.resolve("ca.pem") + ": " + dir.resolve("ca.pem")
                                + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                        "tls_key_file: " + dir.resolve("client-key.pem") + " is not the key of the certificate in "
                                + dir.resolve("client.pem")));
    }

    @Test
    void explainsKeysInTheWrongFormat() throws Exception {
        pki.client("qw-client", "EC").writeCert(dir.resolve("client.pem"));
        Files.writeString(dir.resolve("client-key.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        receiver(pki.server("syslog.test"), "none");
        assertThatThrownBy(() -> start("localhost", true, "client")).isInstanceOf(SinkException.class)
                .satisfies(e -> assertThat(((SinkException) e).problems()).singleElement().asString()
                        .startsWith("tls_key_file: cannot use ").contains("holds no PKCS#8 key", "openssl pkcs8 -topk8 -nocrypt"));
        Files.writeString(dir.resolve("client-key.pem"), "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThatThrownBy(() -> start("localhost", true, "client")).isInstanceOf(SinkException.class)
                .satisfies(e -> assertThat(((SinkException) e).problems()).singleElement().asString().contains("holds an encrypted key"));
    }
}
