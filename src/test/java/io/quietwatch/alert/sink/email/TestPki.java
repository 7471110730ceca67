package io.quietwatch.alert.sink.email;

import io.quietwatch.testing.Certificates;
import org.bouncycastle.asn1.x509.GeneralName;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * A throw-away PKI for the TLS tests: a CA, a server certificate it signed for 127.0.0.1 and localhost,
 * and an unrelated second CA. GreenMail's SMTPS server takes its key store from system properties, read
 * once per JVM, so they are set when this class is first used, before any GreenMail TLS server starts.
 */
final class TestPki {
    static final char[] PASSWORD = "changeit".toCharArray();
    static final Path DIR;
    /** PEM of the CA that signed the server certificate. */
    static final Path CA_PEM;
    /** PEM of a CA that signed nothing the servers use. */
    static final Path OTHER_CA_PEM;
    /** The server's key and certificate chain. */
    static final SSLContext SERVER;
    /** A key and certificate from the same CA, but for mail.other.example only. */
    static final SSLContext WRONG_NAME;

    static {
        try {
            DIR = Files.createTempDirectory("quietwatch-email-pki");
            DIR.toFile().deleteOnExit();
            KeyPair caKeys = Certificates.keys();
            X509Certificate ca = Certificates.certificate("CN=QuietWatch Test CA", caKeys, caKeys.getPrivate(), "CN=QuietWatch Test CA", true);
            KeyPair otherKeys = Certificates.keys();
            X509Certificate other = Certificates.certificate("CN=Other CA", otherKeys, otherKeys.getPrivate(), "CN=Other CA", true);
            KeyPair serverKeys = Certificates.keys();
            X509Certificate server = Certificates.certificate("CN=127.0.0.1", serverKeys, caKeys.getPrivate(), "CN=QuietWatch Test CA",
                    false, new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost"));
            KeyPair wrongKeys = Certificates.keys();
            X509Certificate wrong = Certificates.certificate("CN=mail.other.example", wrongKeys, caKeys.getPrivate(),
                    "CN=QuietWatch Test CA", false, new GeneralName(GeneralName.dNSName, "mail.other.example"));
            CA_PEM = Certificates.pem(DIR.resolve("ca.pem"), ca);
            OTHER_CA_PEM = Certificates.pem(DIR.resolve("other-ca.pem"), other);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", serverKeys.getPrivate(), PASSWORD, new Certificate[] {server, ca});
            Path p12 = DIR.resolve("server.p12");
            try (OutputStream out = Files.newOutputStream(p12)) {
                store.store(out, PASSWORD);
            }
            p12.toFile().deleteOnExit();
            System.setProperty("greenmail.tls.keystore.file", p12.toString());
            System.setProperty("greenmail.tls.keystore.password", new String(PASSWORD));
            System.setProperty("greenmail.tls.key.password", new String(PASSWORD));
            SERVER = serverContext(store);
            KeyStore wrongStore = KeyStore.getInstance("PKCS12");
            wrongStore.load(null, null);
            wrongStore.setKeyEntry("server", wrongKeys.getPrivate(), PASSWORD, new Certificate[] {wrong, ca});
            WRONG_NAME = serverContext(wrongStore);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestPki() {
    }

    private static SSLContext serverContext(KeyStore store) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }
}
