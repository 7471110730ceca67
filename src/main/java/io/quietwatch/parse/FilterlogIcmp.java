package io.quietwatch.parse;

import static io.quietwatch.parse.FilterlogRecord.ABSENT;

/**
 * The ICMP part of a filterlog record, in the forms devices send:
 * <ul>
 *   <li>pfSense (ICMP only): the type as a word, then fields per type: {@code request,ID,SEQ},
 *       {@code reply,ID,SEQ}, {@code unreachport,DST,PROTO,PORT}, {@code unreachproto,DST,PROTO},
 *       {@code needfrag,DST,MTU}, {@code unreach,TEXT} ({@code host 192.0.2.1 unreachable - admin
 *       prohibited filter}), {@code timexceed,TEXT}, {@code redirect,TEXT}, {@code tstamp,ID,SEQ}, ...
 *       Its printer appends the ICMP length to the last field without a comma, so
 *       {@code request,37728,164} is sequence 1 of 64 bytes; only the type and code are read from it.
 *       pfSense does not decode ICMPv6: nothing follows the addresses.</li>
 *   <li>Older OPNsense releases: {@code datalength=N} alone.</li>
 *   <li>Newer OPNsense releases: {@code datalength=N,TYPE,CODE,ID,SEQ,MTU}, type and code as pf.conf(5)
 *       {@code icmp-type}/{@code icmp6-type} keywords ({@code echoreq}, {@code unreach},
 *       {@code port-unr}, {@code neighbrsol}), {@code unknown(N)} or a number.</li>
 * </ul>
 */
final class FilterlogIcmp {
    private static final String QUOTED_DESTINATION = "destination of the packet the ICMP error quotes";
    private static final String QUOTED_PROTOCOL = "protocol of the packet the ICMP error quotes";

    private FilterlogIcmp() {
    }

    /** Reads the ICMP part; {@code c} is on the field after the destination address. */
    static void read(FilterlogCursor c, FilterlogRecord r, boolean v6) {
        if (c.startsWith("datalength=")) {
            keywords(c, r, v6);
            return;
        }
        if (c.isEmpty()) {
            if (v6 && !c.hasNext()) {
                return;
            }
            throw c.hasNext() ? new FilterlogSyntaxException("ICMP type is empty") : c.missing("ICMP type");
        }
        if (!v6) {
            words(c, r);
        }
    }

    private static void keywords(FilterlogCursor c, FilterlogRecord r, boolean v6) {
        if (!c.next() || c.startsWith("truncated-icmp")) {
            return;
        }
        r.icmpType = FilterlogIcmpKeywords.type(c, v6);
        c.require("ICMP code");
        r.icmpCode = FilterlogIcmpKeywords.code(c, v6);
        c.require("ICMP id");
        c.require("ICMP sequence number");
        c.require("ICMP MTU");
    }

    private static void words(FilterlogCursor c, FilterlogRecord r) {
        if (c.is("request") || c.is("reply") || c.is("tstamp") || c.is("tstampreply")) {
            set(r, c.is("request") ? 8 : c.is("reply") ? 0 : c.is("tstamp") ? 13 : 14, 0);
            c.require("ICMP id");
            c.require("ICMP sequence number");
        } else if (c.is("unreachport")) {
            set(r, 3, 3);
            c.require(QUOTED_DESTINATION);
            c.require(QUOTED_PROTOCOL);
            c.require("port of the packet the ICMP error quotes");
        } else if (c.is("unreachproto")) {
            set(r, 3, 2);
            c.require(QUOTED_DESTINATION);
            c.require(QUOTED_PROTOCOL);
        } else if (c.is("needfrag")) {
            set(r, 3, 4);
            c.require(QUOTED_DESTINATION);
        } else if (c.is("unreach")) {
            c.require("ICMP unreachable text");
            set(r, 3, unreachCode(c));
        } else if (c.is("timexceed")) {
            c.require("ICMP time exceeded text");
            set(r, 11, c.contains("reassembly") ? 1 : c.contains("in-transit") ? 0 : ABSENT);
        } else if (c.is("redirect")) {
            c.require("ICMP redirect text");
            int code = c.contains(" to host ") ? 1 : c.contains(" to net ") ? 0 : ABSENT;
            set(r, 5, code != ABSENT && c.startsWith("redirect-tos") ? code + 2 : code);
        } else {
            r.icmpType = typeOnly(c);
        }
    }

    /** pfSense's words for types it prints without fields (the ICMP length stuck to the end). */
    private static int typeOnly(FilterlogCursor c) {
        if (c.is("paramprob")) {
            return 12;
        }
        if (c.is("maskreply")) {
            return 18;
        }
        if (c.startsWith("routeradv")) {
            return 9;
        }
        if (c.startsWith("source quench")) {
            return 4;
        }
        if (c.startsWith("router solicitation")) {
            return 10;
        }
        if (c.startsWith("information request")) {
            return 15;
        }
        if (c.startsWith("information reply")) {
            return 16;
        }
        return c.startsWith("address mask request") ? 17 : ABSENT;
    }

    /** The code of pfSense's unreachable text, as tcpdump words it ({@code net X unreachable - unknown}). */
    private static int unreachCode(FilterlogCursor c) {
        String s = c.text();
        int from = c.from();
        int to = c.to();
        while (to > from && s.charAt(to - 1) >= '0' && s.charAt(to - 1) <= '9') {
            to--;
        }
        boolean net = s.startsWith("net ", from);
        if (endsWith(s, from, to, " - admin prohibited filter")) {
            return 13;
        }
        if (endsWith(s, from, to, " - host precedence violation")) {
            return 14;
        }
        if (endsWith(s, from, to, " - precedence cutoff")) {
            return 15;
        }
        if (endsWith(s, from, to, " - source route failed")) {
            return 5;
        }
        if (endsWith(s, from, to, " - source host isolated")) {
            return 8;
        }
        if (endsWith(s, from, to, " - admin prohibited")) {
            return net ? 9 : 10;
        }
        if (endsWith(s, from, to, " - tos prohibited")) {
            return net ? 11 : 12;
        }
        if (endsWith(s, from, to, " - unknown")) {
            return net ? 6 : 7;
        }
        if (endsWith(s, from, to, " unreachable")) {
            return net ? 0 : s.startsWith("host ", from) ? 1 : ABSENT;
        }
        return ABSENT;
    }

    private static boolean endsWith(String s, int from, int to, String suffix) {
        return to - from >= suffix.length() && s.startsWith(suffix, to - suffix.length());
    }

    private static void set(FilterlogRecord r, int type, int code) {
        r.icmpType = type;
        r.icmpCode = code;
    }
}
