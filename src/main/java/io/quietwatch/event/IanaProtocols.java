package io.quietwatch.event;

import java.util.Locale;

/**
 * IP protocol numbers and their lower-case IANA keywords, the form of {@link LogEvent#transport()}
 * (ECS {@code network.transport}). Devices write a protocol as a number ({@code 6}) or a name
 * ({@code TCP}); both read to the same keyword, and the ICMP-for-IPv6 spellings ({@code ICMPv6},
 * {@code icmp6}) to the IANA keyword {@code ipv6-icmp}. The numbers named here are the ones every parser
 * names (ICMP, TCP, UDP, GRE, ESP, AH, ICMPv6, SCTP); a parser that names more ({@code igmp} for 2 in
 * CEF) says so itself. Allocation-free for the protocols named here.
 */
public final class IanaProtocols {
    public static final String ICMP = "icmp";
    public static final String TCP = "tcp";
    public static final String UDP = "udp";
    public static final String IPV6_ICMP = "ipv6-icmp";

    private static final int[] NUMBERS = {1, 6, 17, 47, 50, 51, 58, 132};
    private static final String[] KEYWORDS = {ICMP, TCP, UDP, "gre", "esp", "ah", IPV6_ICMP, "sctp"};
    private static final String[] ICMP6_ALIASES = {"icmpv6", "icmp6"};
    /** Longer digit runs are no protocol number this class names (and could overflow). */
    private static final int MAX_DIGITS = 9;

    private IanaProtocols() {
    }

    /** The keyword of protocol {@code number}, or its decimal text when it has none here. */
    public static String name(int number) {
        String keyword = keyword(number);
        return keyword != null ? keyword : Integer.toString(number);
    }

    /** The keyword of protocol {@code number}, or null when it has none here. */
    public static String keyword(int number) {
        for (int i = 0; i < NUMBERS.length; i++) {
            if (NUMBERS[i] == number) {
                return KEYWORDS[i];
            }
        }
        return null;
    }

    /**
     * The keyword of a protocol written as a number or a name in {@code s[from, to)}: a number named here
     * gives its keyword, any other number its text as written; a name is matched without regard to case
     * ({@code ICMPv6} and {@code icmp6} read as {@code ipv6-icmp}), and any other name is returned in lower
     * case.
     */
    public static String name(String s, int from, int to) {
        int number = number(s, from, to);
        if (number >= 0) {
            String keyword = keyword(number);
            return keyword != null ? keyword : s.substring(from, to);
        }
        int len = to - from;
        for (String keyword : KEYWORDS) {
            if (is(s, from, len, keyword)) {
                return keyword;
            }
        }
        for (String alias : ICMP6_ALIASES) {
            if (is(s, from, len, alias)) {
                return IPV6_ICMP;
            }
        }
        return s.substring(from, to).toLowerCase(Locale.ROOT);
    }

    /** As {@link #name(String, int, int)} over the whole of {@code s}; null for null. */
    public static String name(String s) {
        return s == null ? null : name(s, 0, s.length());
    }

    /** True for {@code icmp} and {@code ipv6-icmp}, whose "ports" are an ICMP type and code. */
    public static boolean isIcmp(String keyword) {
        return ICMP.equals(keyword) || IPV6_ICMP.equals(keyword);
    }

    /** The protocol number written in {@code s[from, to)}, or -1 when it is not 1 to 9 digits. */
    public static int number(String s, int from, int to) {
        if (from >= to || to - from > MAX_DIGITS) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean is(String s, int from, int len, String word) {
        return len == word.length() && s.regionMatches(true, from, word, 0, len);
    }
}
