package io.quietwatch.parse;

import io.quietwatch.event.IanaProtocols;

/** The IP protocol word of ASA messages, read into its IANA keyword. */
final class AsaProtocol {
    private AsaProtocol() {
    }

    /**
     * Reads a protocol: {@code TCP}, {@code udp}, {@code icmp}, any other name, or an IP protocol
     * number, also in the form {@code protocol 47}.
     */
    static String read(AsaCursor c) {
        if (c.tryKeyword(IanaProtocols.TCP)) {
            return IanaProtocols.TCP;
        }
        if (c.tryKeyword(IanaProtocols.UDP)) {
            return IanaProtocols.UDP;
        }
        if (c.tryKeyword(IanaProtocols.ICMP)) {
            return IanaProtocols.ICMP;
        }
        c.tryKeyword("protocol");
        return IanaProtocols.name(c.word("protocol"));
    }
}
