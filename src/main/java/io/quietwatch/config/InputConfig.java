package io.quietwatch.config;

import java.util.List;

/**
 * One syslog listener ({@code inputs:} list item).
 *
 * @param name               name used in logs and counters; defaults to {@code syslog-<protocol>-<port>}
 * @param protocol           {@code udp} or {@code tcp}
 * @param bindAddress        address to listen on ({@code bind_address}), default {@code 0.0.0.0}
 * @param port               port, default 5514; 0 picks a free port (tests)
 * @param format             {@code auto} or a parser name
 * @param defaultTimezone    zone for time stamps that name none; default the system zone
 * @param maxMessageSize     largest message accepted, bytes ({@code max_message_size}), default 64 KiB
 * @param receiveBufferSize  socket receive buffer to ask the kernel for, bytes, default 8 MiB
 * @param allowedSenders     CIDR blocks that may send; empty means anyone ({@code allowed_senders})
 * @param tls                certificate and key of a {@code tls} input; none for the others
 * @param maxConnections     TCP/TLS connections open at once; more are refused ({@code max_connections}), default 512
 * @param idleTimeoutSeconds a TCP/TLS connection that sends nothing this long is closed
 *                           ({@code idle_timeout_seconds}), default 3600; 0 never
 */
public record InputConfig(
        String name,
        String protocol,
        String bindAddress,
        Integer port,
        String format,
        String defaultTimezone,
        Integer maxMessageSize,
        Integer receiveBufferSize,
        List<String> allowedSenders,
        TlsConfig tls,
        Integer maxConnections,
        Integer idleTimeoutSeconds) {

    public static final int DEFAULT_PORT = 5514;
    public static final int DEFAULT_TLS_PORT = 6514;
    public static final int DEFAULT_MAX_CONNECTIONS = 512;
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 3600;
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024;
    public static final int DEFAULT_RECEIVE_BUFFER = 8 * 1024 * 1024;

    public InputConfig {
        protocol = protocol == null ? "udp" : protocol.toLowerCase(java.util.Locale.ROOT);
        bindAddress = bindAddress == null ? "0.0.0.0" : bindAddress;
        port = port == null ? ("tls".equals(protocol) ? DEFAULT_TLS_PORT : DEFAULT_PORT) : port;
        format = format == null ? "auto" : format;
        maxMessageSize = maxMessageSize == null ? DEFAULT_MAX_MESSAGE_SIZE : maxMessageSize;
        receiveBufferSize = receiveBufferSize == null ? DEFAULT_RECEIVE_BUFFER : receiveBufferSize;
        allowedSenders = allowedSenders == null ? List.of() : List.copyOf(allowedSenders);
        maxConnections = maxConnections == null ? DEFAULT_MAX_CONNECTIONS : maxConnections;
        idleTimeoutSeconds = idleTimeoutSeconds == null ? DEFAULT_IDLE_TIMEOUT_SECONDS : idleTimeoutSeconds;
        name = name == null ? "syslog-" + protocol + "-" + port : name;
    }

    /** A UDP or TCP listener without TLS, with the default connection limits. */
    public InputConfig(String name, String protocol, String bindAddress, Integer port, String format, String defaultTimezone,
                       Integer maxMessageSize, Integer receiveBufferSize, List<String> allowedSenders) {
        this(name, protocol, bindAddress, port, format, defaultTimezone, maxMessageSize, receiveBufferSize, allowedSenders,
                null, null, null);
    }

    /** A listener with every default but protocol and port. */
    public static InputConfig of(String protocol, String bindAddress, int port) {
        return new InputConfig(null, protocol, bindAddress, port, null, null, null, null, null);
    }
}
