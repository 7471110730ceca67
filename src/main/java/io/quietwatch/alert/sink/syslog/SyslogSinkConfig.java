package io.quietwatch.alert.sink.syslog;

import io.quietwatch.config.SinkConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Alerts as CEF records over syslog to another SIEM ({@code type: syslog}).
 *
 * @param name                  sink name (default {@code syslog})
 * @param host                  the receiver's host name or address (required)
 * @param port                  the receiver's port (default 514 for udp and tcp, 6514 for tls)
 * @param protocol              {@code udp}, {@code tcp} (default) or {@code tls}
 * @param framing               tcp and tls only: {@code octet-counting} (default; RFC 6587 3.4.1, RFC 5425 4.3)
 *                              or {@code lf} (a line feed after each message, RFC 6587 3.4.2)
 * @param header                {@code rfc5424} (default) or {@code rfc3164}
 * @param facility              syslog facility name (default {@code local4})
 * @param appName               APP-NAME (RFC 5424) or TAG (RFC 3164) ({@code app_name}, default {@code quietwatch})
 * @param hostname              HOSTNAME of the header; null means this machine's name
 * @param tlsTrustFile          PEM file of the CA certificate(s) that signed the receiver's certificate
 *                              ({@code tls_trust_file}); null means the Java runtime's default trust store
 * @param tlsCertFile           PEM client certificate (chain), for receivers that require one ({@code tls_cert_file})
 * @param tlsKeyFile            its PKCS#8 PEM private key, unencrypted ({@code tls_key_file})
 * @param tlsVerifyHostname     check the receiver's certificate names {@code host} ({@code tls_verify_hostname}, default true)
 * @param maxMessageSize        largest syslog message in bytes, framing excluded ({@code max_message_size},
 *                              default 8192); longer alerts lose whole CEF extension fields, marked
 * @param connectTimeoutSeconds TCP connect timeout ({@code connect_timeout_seconds}, default 10)
 * @param requestTimeoutSeconds TLS handshake and the write of one message ({@code request_timeout_seconds}, default 10)
 */
public record SyslogSinkConfig(
        String name,
        String host,
        Integer port,
        String protocol,
        String framing,
        String header,
        String facility,
        String appName,
        String hostname,
        String tlsTrustFile,
        String tlsCertFile,
        String tlsKeyFile,
        Boolean tlsVerifyHostname,
        Integer maxMessageSize,
        Integer connectTimeoutSeconds,
        Integer requestTimeoutSeconds) implements SinkConfig {

    public static final String UDP = "udp";
    public static final String TCP = "tcp";
    public static final String TLS = "tls";
    public static final String OCTET_COUNTING = "octet-counting";
    public static final String LF = "lf";
    public static final String RFC5424 = "rfc5424";
    public static final String RFC3164 = "rfc3164";

    private static final int MIN_MESSAGE_SIZE = 2048;
    private static final int MAX_UDP_MESSAGE_SIZE = 65_507;
    private static final int MAX_STREAM_MESSAGE_SIZE = 1 << 20;

    public SyslogSinkConfig {
        name = name == null ? "syslog" : name;
        protocol = protocol == null ? TCP : protocol.strip().toLowerCase(Locale.ROOT);
        port = port == null ? (TLS.equals(protocol) ? 6514 : 514) : port;
        if (framing != null) {
            framing = framing.strip().toLowerCase(Locale.ROOT);
        } else if (!UDP.equals(protocol)) {
            framing = OCTET_COUNTING;
        }
        header = header == null ? RFC5424 : header.strip().toLowerCase(Locale.ROOT);
        facility = facility == null ? "local4" : facility;
        appName = appName == null ? "quietwatch" : appName;
        tlsVerifyHostname = tlsVerifyHostname == null ? Boolean.TRUE : tlsVerifyHostname;
        maxMessageSize = maxMessageSize == null ? 8192 : maxMessageSize;
        connectTimeoutSeconds = connectTimeoutSeconds == null ? 10 : connectTimeoutSeconds;
        requestTimeoutSeconds = requestTimeoutSeconds == null ? 10 : requestTimeoutSeconds;
    }

    /** A sink sending to {@code host:port} over {@code protocol} with every other default. */
    public static SyslogSinkConfig of(String name, String host, int port, String protocol) {
        return new SyslogSinkConfig(name, host, port, protocol, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** The configured facility (null if the name is unknown; {@link #problems()} says so). */
    public SyslogFacility syslogFacility() {
        return SyslogFacility.named(facility);
    }

    /** True for tcp and tls. */
    public boolean stream() {
        return TCP.equals(protocol) || TLS.equals(protocol);
    }

    @Override
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (host == null || host.isBlank() || !printable(host, 255)) {
            p.add("host: must name the receiver (a host name or address)");
        }
        if (port < 1 || port > 65_535) {
            p.add("port: " + port + " is not a port");
        }
        if (!Set.of(UDP, TCP, TLS).contains(protocol)) {
            p.add("protocol: '" + protocol + "' is not a protocol; use udp, tcp or tls");
        }
        if (UDP.equals(protocol) && framing != null) {
            p.add("framing: only applies to protocols tcp and tls");
        } else if (framing != null && !OCTET_COUNTING.equals(framing) && !LF.equals(framing)) {
            p.add("framing: '" + framing + "' is not a framing; use octet-counting or lf");
        }
        if (!RFC5424.equals(header) && !RFC3164.equals(header)) {
            p.add("header: '" + header + "' is not a header format; use rfc5424 or rfc3164");
        }
        if (syslogFacility() == null) {
            p.add("facility: '" + facility + "' is not a facility; use kern, user, mail, daemon, auth, syslog, lpr,"
                    + " news, uucp, cron, authpriv, ftp, ntp, security, console, clock or local0 to local7");
        }
        appNameProblems(p);
        if (hostname != null && !printable(hostname, 255)) {
            p.add("hostname: must be 1 to 255 printable ASCII characters without spaces");
        }
        tlsProblems(p);
        int maxSize = UDP.equals(protocol) ? MAX_UDP_MESSAGE_SIZE : MAX_STREAM_MESSAGE_SIZE;
        if (maxMessageSize < MIN_MESSAGE_SIZE || maxMessageSize > maxSize) {
            p.add("max_message_size: must be between " + MIN_MESSAGE_SIZE + " and " + maxSize
                    + (UDP.equals(protocol) ? " for udp" : ""));
        }
        if (connectTimeoutSeconds < 1 || connectTimeoutSeconds > 300) {
            p.add("connect_timeout_seconds: must be between 1 and 300");
        }
        if (requestTimeoutSeconds < 1 || requestTimeoutSeconds > 300) {
            p.add("request_timeout_seconds: must be between 1 and 300");
        }
        return p;
    }

    private void appNameProblems(List<String> p) {
        boolean rfc3164 = RFC3164.equals(header);
        if (!printable(appName, rfc3164 ? 32 : 48)) {
            p.add("app_name: must be 1 to " + (rfc3164 ? "32" : "48") + " printable ASCII characters without spaces");
        } else if (rfc3164 && (appName.indexOf(':') >= 0 || appName.indexOf('[') >= 0)) {
            p.add("app_name: must not contain ':' or '[' with header rfc3164 (they end the TAG)");
        }
    }

    private void tlsProblems(List<String> p) {
        boolean tls = TLS.equals(protocol);
        if (!tls) {
            for (String[] key : new String[][] {{"tls_trust_file", tlsTrustFile}, {"tls_cert_file", tlsCertFile},
                    {"tls_key_file", tlsKeyFile}}) {
                if (key[1] != null) {
                    p.add(key[0] + ": only applies to protocol tls");
                }
            }
            return;
        }
        if (tlsCertFile != null && tlsKeyFile == null) {
            p.add("tls_key_file: is required with tls_cert_file");
        }
        if (tlsKeyFile != null && tlsCertFile == null) {
            p.add("tls_cert_file: is required with tls_key_file");
        }
        for (String[] key : new String[][] {{"tls_trust_file", tlsTrustFile}, {"tls_cert_file", tlsCertFile},
                {"tls_key_file", tlsKeyFile}}) {
            if (key[1] != null && key[1].isBlank()) {
                p.add(key[0] + ": must name a file");
            }
        }
    }

    /** RFC 5424 PRINTUSASCII (33 to 126), 1 to {@code max} characters. */
    static boolean printable(String s, int max) {
        if (s == null || s.isEmpty() || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 33 || c > 126) {
                return false;
            }
        }
        return true;
    }
}
