package io.quietwatch.alert.sink.syslog;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/** A throw-away CA per test, issuing server and client certificates (EC P-256, Bouncy Castle). */
final class TestCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A key pair and its certificate. */
    record Issued(KeyPair keys, X509Certificate cert, X509Certificate issuer) {
        Path writeCert(Path file) throws IOException {
            return write(file, pem("CERTIFICATE", encoded(cert)));
        }

        Path writeKey(Path file) throws IOException {
            return write(file, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        }

        /** An SSL context presenting this certificate and trusting {@code trusted}. */
        SSLContext context(X509Certificate trusted) throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("me", keys.getPrivate(), new char[0], new X509Certificate[] {cert, issuer});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, new char[0]);
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("ca", trusted);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        }
    }

    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final String caName;

    TestCertificates(String caName) throws Exception {
        this.caName = caName;
        this.caKeys = keyPair("EC");
        this.ca = build("CN=" + caName, caKeys, caKeys, true, null, null);
    }

    X509Certificate ca() {
        return ca;
    }

    Path writeCa(Path file) throws IOException {
        return write(file, pem("CERTIFICATE", encoded(ca)));
    }

    /** A server certificate for {@code localhost} and 127.0.0.1, or for the names given. */
    Issued server(String cn, String... dnsNames) throws Exception {
        KeyPair keys = keyPair("EC");
        GeneralName[] names = new GeneralName[dnsNames.length == 0 ? 2 : dnsNames.length];
        if (dnsNames.length == 0) {
            names[0] = new GeneralName(GeneralName.dNSName, "localhost");
            names[1] = new GeneralName(GeneralName.iPAddress, "127.0.0.1");
        } else {
            for (int i = 0; i < dnsNames.length; i++) {
                names[i] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
            }
        }
        return new Issued(keys, build("CN=" + cn, keys, caKeys, false, KeyPurposeId.id_kp_serverAuth, new GeneralNames(names)), ca);
    }

    /** A client certificate. */
    Issued client(String cn, String algorithm) throws Exception {
        KeyPair keys = keyPair(algorithm);
        return new Issued(keys, build("CN=" + cn, keys, caKeys, false, KeyPurposeId.id_kp_clientAuth, null), ca);
    }

    private X509Certificate build(String subject, KeyPair subjectKeys, KeyPair signerKeys, boolean isCa,
                                  KeyPurposeId purpose, GeneralNames names) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=" + caName),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject), subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        if (purpose != null) {
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        }
        if (names != null) {
            b.addExtension(Extension.subjectAlternativeName, false, names);
        }
        String alg = signerKeys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(alg).build(signerKeys.getPrivate())));
    }

    private static KeyPair keyPair(String algorithm) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        if (!algorithm.startsWith("Ed")) {
            g.initialize(algorithm.equals("EC") ? 256 : 2048);
        }
        return g.generateKeyPair();
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }
}
