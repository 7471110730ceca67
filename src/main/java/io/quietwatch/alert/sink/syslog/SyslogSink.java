package io.quietwatch.alert.sink.syslog;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Forwards each alert to another SIEM as one CEF record in a syslog message ({@link CefFormatter},
 * {@link SyslogEncoder}), over UDP (one datagram per alert), TCP or TLS (one kept-open connection,
 * re-opened after any failure). {@link #deliver} makes one attempt: delivered once the message is
 * written; retry later when the receiver cannot be resolved, reached, verified or written to. Syslog
 * has no acknowledgements: "delivered" means handed to the network.
 */
public final class SyslogSink implements AlertSink {
    private static final Logger LOG = LogManager.getLogger(SyslogSink.class);

    private final SyslogSinkConfig config;
    private final Path home;
    private SyslogEncoder encoder;
    private SyslogTransport transport;

    /** @param home directory that relative {@code tls_*_file} paths are resolved against */
    public SyslogSink(SyslogSinkConfig config, Path home) {
        this.config = config;
        this.home = home;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public synchronized void start() throws SinkException {
        close();
        List<String> problems = new ArrayList<>(config.problems());
        if (!problems.isEmpty()) {
            throw new SinkException(name(), problems);
        }
        SyslogTls tls = null;
        if (SyslogSinkConfig.TLS.equals(config.protocol())) {
            tls = SyslogTls.of(config.host(), config.tlsVerifyHostname(), resolve(config.tlsTrustFile()),
                    resolve(config.tlsCertFile()), resolve(config.tlsKeyFile()), problems);
            if (tls == null) {
                throw new SinkException(name(), problems);
            }
        }
        String hostname = config.hostname() != null ? config.hostname() : localHostname();
        encoder = new SyslogEncoder(config, hostname, new CefFormatter(version()));
        transport = config.stream()
                ? new SyslogStreamTransport(config.host(), config.port(),
                        SyslogSinkConfig.OCTET_COUNTING.equals(config.framing()),
                        tls == null ? null : tls.factory(), tls == null ? null : tls.parameters(),
                        config.connectTimeoutSeconds() * 1000, config.requestTimeoutSeconds() * 1000, name())
                : new SyslogUdpTransport(config.host(), config.port());
    }

    @Override
    public synchronized Delivery deliver(Alert alert) {
        if (transport == null) {
            return Delivery.retry(0, "sink " + name() + " is not started", 0);
        }
        byte[] message;
        try {
            message = encoder.encode(alert);
        } catch (RuntimeException e) {
            LOG.error("Sink {}: cannot write alert {} as CEF: {}", name(), alert.id(), e.toString());
            return Delivery.rejected(0, "cannot write the alert as CEF: " + e);
        }
        try {
            transport.send(message);
            return Delivery.delivered(0);
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warn("Sink {}: alert {} not sent, will retry: {}", name(), alert.id(), reason);
            return Delivery.retry(0, reason, 0);
        }
    }

    @Override
    public synchronized void close() {
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }

    private Path resolve(String file) {
        return file == null ? null : home.resolve(file);
    }

    private static String version() {
        String v = SyslogSink.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** This machine's name as an RFC 5424 HOSTNAME (printable ASCII, at most 255), or {@code -} if unknown. */
    static String localHostname() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (IOException | SecurityException e) {
            name = System.getenv("HOSTNAME");
        }
        if (name == null || name.isBlank()) {
            return "-";
        }
        StringBuilder clean = new StringBuilder(Math.min(name.length(), 255));
        for (int i = 0; i < name.length() && clean.length() < 255; i++) {
            char c = name.charAt(i);
            clean.append(c > 32 && c < 127 ? c : '_');
        }
        return clean.toString();
    }
}
