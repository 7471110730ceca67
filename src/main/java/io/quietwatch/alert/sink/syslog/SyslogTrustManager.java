package io.quietwatch.alert.sink.syslog;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The JDK's PKIX trust manager (chain, validity, and with {@code tls_verify_hostname} the host name), with
 * refusals that name the receiver's certificate and the trust source, so the delivery log says which
 * certificate was refused and why rather than only "PKIX path building failed".
 */
final class SyslogTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final String trustSource;

    SyslogTrustManager(X509ExtendedTrustManager delegate, String trustSource) {
        this.delegate = delegate;
        this.trustSource = trustSource;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw refused(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw refused(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw refused(chain, e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    private CertificateException refused(X509Certificate[] chain, CertificateException e) {
        if (chain == null || chain.length == 0) {
            return new CertificateException("the receiver sent no certificate", e);
        }
        X509Certificate leaf = chain[0];
        return new CertificateException("receiver certificate '" + leaf.getSubjectX500Principal().getName()
                + "' issued by '" + leaf.getIssuerX500Principal().getName() + "' (valid " + leaf.getNotBefore().toInstant()
                + " to " + leaf.getNotAfter().toInstant() + ") is refused: " + SyslogTls.describe(e)
                + " (trusted CAs: " + trustSource + ")", e);
    }
}
