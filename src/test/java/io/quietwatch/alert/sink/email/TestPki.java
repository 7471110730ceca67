package io.quietwatch.alert.sink.email;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

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
            KeyPair caKeys = keys();
            X509Certificate ca = certificate("CN=QuietWatch Test CA", caKeys, caKeys.getPrivate(), "CN=QuietWatch Test CA", true);
            KeyPair otherKeys = keys();
            X509Certificate other = certificate("CN=Other CA", otherKeys, otherKeys.getPrivate(), "CN=Other CA", true);
            KeyPair serverKeys = keys();
            X509Certificate server = certificate("CN=127.0.0.1", serverKeys, caKeys.getPrivate(), "CN=QuietWatch Test CA",
                    false, new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost"));
            KeyPair wrongKeys = keys();
            X509Certificate wrong = certificate("CN=mail.other.example", wrongKeys, caKeys.getPrivate(),
                    "CN=QuietWatch Test CA", false, new GeneralName(GeneralName.dNSName, "mail.other.example"));
            CA_PEM = pem(DIR.resolve("ca.pem"), ca);
            OTHER_CA_PEM = pem(DIR.resolve("other-ca.pem"), other);
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

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair keys, PrivateKey signer, String issuer,
                                               boolean ca, GeneralName... names) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(System.nanoTime() & 0xffff)),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(7))),
                new X500Name(subject), keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (names.length > 0) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        X509CertificateHolder holder = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static Path pem(Path file, X509Certificate cert) throws Exception {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(cert);
        }
        file.toFile().deleteOnExit();
        return file;
    }
}
