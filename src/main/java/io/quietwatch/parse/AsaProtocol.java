package io.quietwatch.parse;

import java.util.Locale;

/** IP protocol names as ASA messages write them, turned into lower-case transport names. */
final class AsaProtocol {
    static final String TCP = "tcp";
    static final String UDP = "udp";
    static final String ICMP = "icmp";
    static final String ICMP6 = "ipv6-icmp";
    static final String IPV6_ICMP = "ipv6-icmp";

    private AsaProtocol() {
    }

    /**
     * Reads a protocol: {@code TCP}, {@code udp}, {@code icmp}, any other name, or an IP protocol
     * number, also in the form {@code protocol 47}.
     */
    static String read(AsaCursor c) {
        if (c.tryKeyword(TCP)) {
            return TCP;
        }
        if (c.tryKeyword(UDP)) {
            return UDP;
        }
        if (c.tryKeyword(ICMP)) {
            return ICMP;
        }
        c.tryKeyword("protocol");
        return name(c.word("protocol"));
    }

    /** True for the ICMP transports, whose "ports" in some messages are type and code. */
    static boolean isIcmp(String transport) {
        return ICMP.equals(transport) || ICMP6.equals(transport) || IPV6_ICMP.equals(transport);
    }

    /** The transport name of a protocol word or number (IANA numbers for the common ones). */
    static String name(String word) {
        int number = 0;
        for (int i = 0; i < word.length(); i++) {
            char ch = word.charAt(i);
            if (ch < '0' || ch > '9' || i == 6) {
                return word.toLowerCase(Locale.ROOT);
            }
            number = number * 10 + (ch - '0');
        }
        return switch (number) {
            case 1 -> ICMP;
            case 6 -> TCP;
            case 17 -> UDP;
            case 47 -> "gre";
            case 50 -> "esp";
            case 51 -> "ah";
            case 58 -> IPV6_ICMP;
            case 132 -> "sctp";
            default -> word;
        };
    }
}
