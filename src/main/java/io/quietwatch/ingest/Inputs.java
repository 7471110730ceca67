package io.quietwatch.ingest;

/** Creates the {@link Input} an endpoint's {@code protocol} asks for. */
public final class Inputs {
    private Inputs() {
    }

    /**
     * A new, not yet started input.
     *
     * @throws IllegalArgumentException naming the input if its protocol is not {@code udp}, {@code tcp}
     *                                  or {@code tls}, or its settings are invalid
     */
    public static Input create(InputEndpoint endpoint, MessageHandoff handoff) {
        String protocol = endpoint.config().protocol();
        return switch (protocol) {
            case "udp" -> new SyslogUdpInput(endpoint, handoff);
            case "tcp", "tls" -> new SyslogTcpInput(endpoint, handoff);
            default -> throw new IllegalArgumentException(
                    "input '" + endpoint.name() + "': protocol '" + protocol + "' is not supported (udp, tcp or tls)");
        };
    }
}
