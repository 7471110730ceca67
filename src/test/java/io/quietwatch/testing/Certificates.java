package io.quietwatch.testing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/** Throw-away keys and certificates for TLS tests (EC P-256, SHA-256), and their PEM files. */
public final class Certificates {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private Certificates() {
    }

    /** A new EC P-256 key pair. */
    public static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    /** A certificate valid from a day ago for a week. */
    public static X509Certificate certificate(String subject, KeyPair keys, PrivateKey signer, String issuer, boolean ca,
                                              GeneralName... names) throws Exception {
        Instant now = Instant.now();
        return certificate(subject, keys, signer, issuer, ca, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(7)), names);
    }

    /** A certificate valid from {@code notBefore} to {@code notAfter}. */
    public static X509Certificate certificate(String subject, KeyPair keys, PrivateKey signer, String issuer, boolean ca,
                                              Instant notBefore, Instant notAfter, GeneralName... names) throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                new X500Name(subject), keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (names.length > 0) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        X509CertificateHolder holder = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    /** Writes certificates as PEM, in order (a certificate, then its chain). */
    public static Path pem(Path file, X509Certificate... certs) throws Exception {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter pw = new JcaPEMWriter(w)) {
            for (X509Certificate c : certs) {
                pw.writeObject(c);
            }
        }
        file.toFile().deleteOnExit();
        return file;
    }

    /** Writes a private key as unencrypted PKCS#8 PEM. */
    public static Path pkcs8(Path file, PrivateKey key) throws Exception {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(new JcaPKCS8Generator(key, null));
        }
        file.toFile().deleteOnExit();
        return file;
    }
}
