package io.quietwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quietwatch.config.InputConfig;
import io.quietwatch.config.TlsConfig;
import io.quietwatch.testing.Certificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syslog over TLS (RFC 5425) on a real socket, with a CA, server and client certificates generated for
 * the test: a good client, a client of an unknown CA, a client without a certificate, an expired client
 * certificate, TLS 1.1, plain TCP on the TLS port, the connection cap and the idle timeout.
 */
class SyslogTlsInputIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static Path caPem;
    private static Path serverPem;
    private static Path serverKey;
    private static SSLContext goodClient;
    private static SSLContext unknownCaClient;
    private static SSLContext expiredClient;
    private static SSLContext noCertClient;

    private final QueueHandoff handoff = new QueueHandoff();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeAll
    static void pki() throws Exception {
        KeyPair caKeys = Certificates.keys();
        X509Certificate ca = Certificates.certificate("CN=Syslog Test CA", caKeys, caKeys.getPrivate(), "CN=Syslog Test CA", true);
        KeyPair serverKeys = Certificates.keys();
        X509Certificate server = Certificates.certificate("CN=127.0.0.1", serverKeys, caKeys.getPrivate(), "CN=Syslog Test CA",
                false, new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost"));
        caPem = Certificates.pem(dir.resolve("ca.pem"), ca);
        serverPem = Certificates.pem(dir.resolve("server.pem"), server, ca);
        serverKey = Certificates.pkcs8(dir.resolve("server.key"), serverKeys.getPrivate());

        KeyPair clientKeys = Certificates.keys();
        X509Certificate client = Certificates.certificate("CN=fw1.example", clientKeys, caKeys.getPrivate(), "CN=Syslog Test CA", false);
        goodClient = client(clientKeys, client, ca);

        KeyPair otherCaKeys = Certificates.keys();
        KeyPair strangerKeys = Certificates.keys();
        X509Certificate stranger = Certificates.certificate("CN=stranger", strangerKeys, otherCaKeys.getPrivate(), "CN=Other CA", false);
        unknownCaClient = client(strangerKeys, stranger, ca);

        KeyPair oldKeys = Certificates.keys();
        Instant now = Instant.now();
        X509Certificate expired = Certificates.certificate("CN=old-fw.example", oldKeys, caKeys.getPrivate(), "CN=Syslog Test CA",
                false, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        expiredClient = client(oldKeys, expired, ca);

        noCertClient = client(null, null, ca);
    }

    /** A client context that trusts {@code ca} and presents {@code cert} (none when null). */
    private static SSLContext client(KeyPair keys, X509Certificate cert, X509Certificate ca) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        if (cert != null) {
            store.setKeyEntry("client", keys.getPrivate(), PASSWORD, new Certificate[] {cert});
        }
        kmf.init(store, PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private SyslogTcpInput start(String clientAuth, Integer maxConnections, Integer idleSeconds) throws IOException {
        TlsConfig tls = new TlsConfig(serverPem.toString(), serverKey.toString(),
                clientAuth.equals("none") ? null : caPem.toString(), clientAuth);
        InputConfig config = new InputConfig("tls-test", "tls", "127.0.0.1", 0, null, null, null, null, List.of(),
                tls, maxConnections, idleSeconds);
        SyslogTcpInput input = new SyslogTcpInput(new InputEndpoint(config), handoff);
        resources.add(input);
        input.start();
        return input;
    }

    private SSLSocket connect(Input input, SSLContext ctx, String... protocols) throws IOException {
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket();
        resources.add(s);
        if (protocols.length > 0) {
            s.setEnabledProtocols(protocols);
        }
        s.connect(input.localAddress(), 5_000);
        s.setSoTimeout(5_000);
        return s;
    }

    private static void send(Socket s, String... messages) throws IOException {
        OutputStream out = s.getOutputStream();
        for (String m : messages) {
            out.write((m.getBytes(StandardCharsets.UTF_8).length + " " + m).getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    /** True once the peer has closed the connection or refused the handshake. */
    private static boolean closedByServer(Socket s) {
        try {
            InputStream in = s.getInputStream();
            return in.read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void receivesOctetCountedMessagesFromAClientWithAGoodCertificate() throws Exception {
        SyslogTcpInput input = start("required", null, null);
        SSLSocket s = connect(input, goodClient);
        send(s, "<134>1 2026-11-26T10:00:00Z fw1 app - - - first", "<134>1 2026-11-26T10:00:01Z fw1 app - - - second");
        await().atMost(WAIT).until(() -> handoff.queue.size() == 2);
        assertThat(handoff.drain()).extracting(QueueHandoff::text).containsExactly(
                "<134>1 2026-11-26T10:00:00Z fw1 app - - - first", "<134>1 2026-11-26T10:00:01Z fw1 app - - - second");
        assertThat(s.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
        assertThat(input.endpoint().counters().tlsFailures.sum()).isZero();
    }

    @Test
    void refusesClientsOfAnUnknownCaWithoutCertificatesOrWithExpiredOnes() throws Exception {
        SyslogTcpInput input = start("required", null, null);
        for (SSLContext bad : List.of(unknownCaClient, noCertClient, expiredClient)) {
            SSLSocket s = connect(input, bad);
            try {
                send(s, "<134>forged");
            } catch (IOException refusedDuringHandshake) {
                // TLS 1.2 fails in startHandshake, TLS 1.3 may fail only on the first read
            }
            await().atMost(WAIT).until(() -> closedByServer(s));
        }
        await().atMost(WAIT).until(() -> input.endpoint().counters().tlsFailures.sum() == 3);
        assertThat(handoff.queue).isEmpty();
        assertThat(input.endpoint().counters().received.sum()).isZero();
    }

    @Test
    void optionalClientAuthTreatsAMissingOrUnverifiableCertificateAsAnonymous() throws Exception {
        SyslogTcpInput input = start("optional", null, null);
        send(connect(input, noCertClient), "<134>no certificate");
        send(connect(input, unknownCaClient), "<134>certificate of an unknown CA");
        await().atMost(WAIT).until(() -> handoff.queue.size() == 2);
        assertThat(handoff.drain()).extracting(QueueHandoff::text)
                .containsExactlyInAnyOrder("<134>no certificate", "<134>certificate of an unknown CA");
        assertThat(input.endpoint().counters().tlsFailures.sum()).isZero();
    }

    @Test
    void refusesTls11AndPlainTcp() throws Exception {
        SyslogTcpInput input = start("none", null, null);
        SSLContext tls11 = SSLContext.getInstance("TLS");
        tls11.init(null, null, null);
        assertThatThrownBy(() -> {
            SSLSocket s = connect(input, tls11, "TLSv1.1");
            s.startHandshake();
        }).isInstanceOf(IOException.class);
        Socket plain = new Socket();
        resources.add(plain);
        plain.connect(input.localAddress(), 5_000);
        plain.setSoTimeout(5_000);
        send(plain, "<134>plain text on the TLS port");
        await().atMost(WAIT).until(() -> closedByServer(plain));
        await().atMost(WAIT).until(() -> input.endpoint().counters().tlsFailures.sum() == 2);
        assertThat(handoff.queue).isEmpty();
    }

    @Test
    void refusesConnectionsBeyondTheCapAndClosesIdleOnes() throws Exception {
        SyslogTcpInput input = start("none", 2, 1);
        SSLSocket first = connect(input, noCertClient);
        SSLSocket second = connect(input, noCertClient);
        send(first, "<134>one");
        send(second, "<134>two");
        await().atMost(WAIT).until(() -> handoff.queue.size() == 2 && input.endpoint().counters().connections.get() == 2);
        Socket third = new Socket();
        resources.add(third);
        third.connect(input.localAddress(), 5_000);
        third.setSoTimeout(5_000);
        await().atMost(WAIT).until(() -> closedByServer(third));
        assertThat(input.endpoint().counters().refusedConnections.sum()).isEqualTo(1);
        // both stay silent: closed after the one-second idle timeout
        await().atMost(WAIT).until(() -> input.endpoint().counters().connections.get() == 0);
        assertThat(closedByServer(first)).isTrue();
    }

    @Test
    void aMissingKeyFileIsReportedWithTheInputAndTheFile() {
        TlsConfig tls = new TlsConfig(serverPem.toString(), dir.resolve("missing.key").toString(), null, null);
        InputConfig config = new InputConfig("edge", "tls", "127.0.0.1", 0, null, null, null, null, List.of(), tls, null, null);
        assertThatThrownBy(() -> new SyslogTcpInput(new InputEndpoint(config), handoff))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'edge'").hasMessageContaining("tls.key_file").hasMessageContaining("missing.key");
    }

    @Test
    void aKeyFileThatIsNotAKeyIsReportedNamingTheFiles() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.key"), "not a key\n");
        TlsConfig tls = new TlsConfig(serverPem.toString(), junk.toString(), null, null);
        InputConfig config = new InputConfig("edge", "tls", "127.0.0.1", 0, null, null, null, null, List.of(), tls, null, null);
        assertThatThrownBy(() -> new SyslogTcpInput(new InputEndpoint(config), handoff))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'edge'").hasMessageContaining("junk.key");
    }
}
