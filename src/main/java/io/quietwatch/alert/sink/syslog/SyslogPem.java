package io.quietwatch.alert.sink.syslog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads PEM files: certificates ({@code BEGIN CERTIFICATE} blocks, any text around them ignored) and
 * unencrypted PKCS#8 private keys ({@code BEGIN PRIVATE KEY}). Messages say what is wrong with the file
 * and how to fix it; they never include key material.
 */
final class SyslogPem {
    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA"};

    private SyslogPem() {
    }

    /** Every certificate in the file, in order. */
    static List<X509Certificate> certificates(Path file) throws IOException, CertificateException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certs = new ArrayList<>();
        for (byte[] der : blocks(text, "CERTIFICATE")) {
            certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        if (certs.isEmpty()) {
            throw new CertificateException(file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return certs;
    }

    /** The PKCS#8 private key in the file. */
    static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new GeneralSecurityException(file + " holds an encrypted key; decrypt it: openssl pkcs8 -topk8 -nocrypt");
        }
        List<byte[]> keys = blocks(text, "PRIVATE KEY");
        if (keys.isEmpty()) {
            String hint = text.contains(" PRIVATE KEY-----")
                    ? " (it holds an OpenSSL traditional key; convert it: openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem)"
                    : "";
            throw new GeneralSecurityException(file + " holds no PKCS#8 key (-----BEGIN PRIVATE KEY-----)" + hint);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(keys.get(0));
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException(file + " holds a key of an unsupported algorithm (use RSA, EC or Ed25519)");
    }

    /**
     * True if {@code key} signs what {@code certified} verifies, i.e. they are a pair (also true for key
     * types this cannot check; the handshake will tell).
     */
    static boolean matches(PrivateKey key, PublicKey certified) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> null;
        };
        if (algorithm == null) {
            return true;
        }
        byte[] probe = new byte[32];
        new SecureRandom().nextBytes(probe);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException differentKinds) {
            return false;
        }
    }

    private static List<byte[]> blocks(String text, String type) throws CertificateException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        List<byte[]> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int b = text.indexOf(begin, from);
            if (b < 0) {
                return out;
            }
            int e = text.indexOf(end, b);
            if (e < 0) {
                throw new CertificateException("a PEM block has no " + end + " line");
            }
            try {
                out.add(Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e)));
            } catch (IllegalArgumentException bad) {
                throw new CertificateException("a PEM " + type + " block is not valid base64");
            }
            from = e + end.length();
        }
    }
}
