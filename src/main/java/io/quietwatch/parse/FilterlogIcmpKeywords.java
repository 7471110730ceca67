package io.quietwatch.parse;

import static io.quietwatch.parse.FilterlogRecord.ABSENT;

/**
 * The ICMP and ICMPv6 type and code keywords of pf.conf(5) ({@code icmp-type}, {@code icmp-code},
 * {@code icmp6-type}, {@code icmp6-code}) that OPNsense's filterlog writes, as numbers. Types without a
 * keyword are written {@code unknown(N)}, codes without one as plain numbers.
 */
final class FilterlogIcmpKeywords {
    private FilterlogIcmpKeywords() {
    }

    /** The type keyword (or number) under the cursor as a number, or {@code ABSENT}. */
    static int type(FilterlogCursor c, boolean v6) {
        return v6 ? v6Type(c) : v4Type(c);
    }

    /** The code keyword (or number) under the cursor as a number, or {@code ABSENT}. */
    static int code(FilterlogCursor c, boolean v6) {
        if (c.first() >= '0' && c.first() <= '9') {
            return number(c);
        }
        return v6 ? v6Code(c.value()) : v4Code(c.value());
    }

    private static int v4Type(FilterlogCursor c) {
        return switch (c.value()) {
            case "echorep" -> 0;
            case "unreach" -> 3;
            case "squench" -> 4;
            case "redir" -> 5;
            case "althost" -> 6;
            case "echoreq" -> 8;
            case "routeradv" -> 9;
            case "routersol" -> 10;
            case "timex" -> 11;
            case "paramprob" -> 12;
            case "timereq" -> 13;
            case "timerep" -> 14;
            case "inforeq" -> 15;
            case "inforep" -> 16;
            case "maskreq" -> 17;
            case "maskrep" -> 18;
            case "trace" -> 30;
            case "dataconv" -> 31;
            case "mobredir" -> 32;
            case "ipv6-where" -> 33;
            case "ipv6-here" -> 34;
            case "mobregreq" -> 35;
            case "mobregrep" -> 36;
            case "skip" -> 39;
            case "photuris" -> 40;
            default -> number(c);
        };
    }

    private static int v6Type(FilterlogCursor c) {
        return switch (c.value()) {
            case "unreach" -> 1;
            case "toobig" -> 2;
            case "timex" -> 3;
            case "paramprob" -> 4;
            case "echoreq" -> 128;
            case "echorep" -> 129;
            case "listqry" -> 130;
            case "listenrep" -> 131;
            case "listendone" -> 132;
            case "routersol" -> 133;
            case "routeradv" -> 134;
            case "neighbrsol" -> 135;
            case "neighbradv" -> 136;
            case "redir" -> 137;
            case "routrrenum" -> 138;
            case "niqry" -> 139;
            case "nirep" -> 140;
            case "listenrepv2" -> 143;
            case "mtraceresp" -> 200;
            case "mtrace" -> 201;
            default -> number(c);
        };
    }

    private static int v4Code(String keyword) {
        return switch (keyword) {
            case "net-unr", "redir-net", "normal-adv", "transit", "badhead" -> 0;
            case "host-unr", "redir-host", "reassemb", "optmiss", "unknown-ind" -> 1;
            case "proto-unr", "redir-tos-net", "badlen", "auth-fail" -> 2;
            case "port-unr", "redir-tos-host", "decrypt-fail" -> 3;
            case "needfrag" -> 4;
            case "srcfail" -> 5;
            case "net-unk" -> 6;
            case "host-unk" -> 7;
            case "isolate" -> 8;
            case "net-prohib" -> 9;
            case "host-prohib" -> 10;
            case "net-tos" -> 11;
            case "host-tos" -> 12;
            case "filter-prohib" -> 13;
            case "host-preced" -> 14;
            case "cutoff-preced" -> 15;
            case "common-adv" -> 16;
            default -> ABSENT;
        };
    }

    private static int v6Code(String keyword) {
        return switch (keyword) {
            case "noroute-unr", "transit", "badhead", "redironlink" -> 0;
            case "admin-unr", "reassemb", "nxthdr", "redirrouter" -> 1;
            case "beyond-unr" -> 2;
            case "addr-unr" -> 3;
            case "port-unr" -> 4;
            default -> ABSENT;
        };
    }

    /** {@code N} or {@code unknown(N)} as a number up to 255; anything else is no number. */
    private static int number(FilterlogCursor c) {
        String s = c.text();
        int from = c.from();
        int to = c.to();
        if (s.startsWith("unknown(", from) && to > from && s.charAt(to - 1) == ')') {
            from += "unknown(".length();
            to--;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9' || value > 255) {
                return ABSENT;
            }
            value = value * 10 + (ch - '0');
        }
        return from < to && value <= 255 ? value : ABSENT;
    }
}
