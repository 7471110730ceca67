package io.quietwatch.alert.sink.syslog;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The TLS side of the sink (RFC 5425): TLS 1.2 and 1.3 only, the receiver's certificate checked against
 * {@code tls_trust_file} (or the JDK's trust store), its name checked against {@code host} unless
 * {@code tls_verify_hostname: false}, SNI sent for host names, and an optional client certificate.
 *
 * @param factory    makes TLS sockets over connected TCP sockets
 * @param parameters protocols, endpoint identification and SNI for each socket
 */
record SyslogTls(SSLSocketFactory factory, SSLParameters parameters) {
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /**
     * The TLS setup for a sink, or null with every problem added to {@code problems} (as {@code "key: message"}).
     *
     * @param trust the resolved {@code tls_trust_file}, or null; likewise {@code cert} and {@code key}
     */
    static SyslogTls of(String host, boolean verifyHostname, Path trust, Path cert, Path key, List<String> problems) {
        int before = problems.size();
        TrustManager[] trustManagers = trustManagers(trust, problems);
        KeyManager[] keyManagers = keyManagers(cert, key, problems);
        if (problems.size() > before) {
            return null;
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            SSLParameters p = context.getDefaultSSLParameters();
            List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
            p.setProtocols(PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new));
            if (verifyHostname) {
                p.setEndpointIdentificationAlgorithm("HTTPS");
            }
            if (!io.quietwatch.event.IpAddresses.isAddress(host)) {
                try {
                    p.setServerNames(List.of(new SNIHostName(host)));
                } catch (IllegalArgumentException notADnsName) {
                    // no SNI for a name SNI cannot carry
                }
            }
            return new SyslogTls(context.getSocketFactory(), p);
        } catch (GeneralSecurityException e) {
            problems.add("protocol: TLS is not available in this Java runtime: " + describe(e));
            return null;
        }
    }

    private static TrustManager[] trustManagers(Path trust, List<String> problems) {
        try {
            KeyStore anchors = null;
            if (trust != null) {
                anchors = KeyStore.getInstance(KeyStore.getDefaultType());
                anchors.load(null, null);
                int i = 0;
                for (X509Certificate ca : SyslogPem.certificates(trust)) {
                    anchors.setCertificateEntry("ca-" + i++, ca);
                }
            }
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(anchors);
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    String source = trust == null ? "the Java runtime's default trust store" : trust.toString();
                    return new TrustManager[] {new SyslogTrustManager(x, source)};
                }
            }
            problems.add("tls_trust_file: the Java runtime offers no X.509 trust manager");
        } catch (IOException | GeneralSecurityException e) {
            problems.add("tls_trust_file: cannot use " + trust + ": " + describe(e));
        }
        return null;
    }

    private static KeyManager[] keyManagers(Path cert, Path key, List<String> problems) {
        if (cert == null || key == null) {
            return null;
        }
        List<X509Certificate> chain = null;
        PrivateKey privateKey = null;
        try {
            chain = SyslogPem.certificates(cert);
        } catch (IOException | GeneralSecurityException e) {
            problems.add("tls_cert_file: cannot use " + cert + ": " + describe(e));
        }
        try {
            privateKey = SyslogPem.privateKey(key);
        } catch (IOException | GeneralSecurityException e) {
            problems.add("tls_key_file: cannot use " + key + ": " + describe(e));
        }
        if (chain == null || privateKey == null) {
            return null;
        }
        try {
            if (!SyslogPem.matches(privateKey, chain.get(0).getPublicKey())) {
                problems.add("tls_key_file: " + key + " is not the key of the certificate in " + cert);
                return null;
            }
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", privateKey, password, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            f.init(store, password);
            return f.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            problems.add("tls_cert_file: cannot use " + cert + " with " + key + ": " + describe(e));
            return null;
        }
    }

    /** The messages of an exception and its causes, without repeats: what an admin needs to see. */
    static String describe(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 6; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (parts.stream().noneMatch(p -> p.contains(m))) {
                parts.add(m);
            }
        }
        return String.join(": ", parts);
    }
}
