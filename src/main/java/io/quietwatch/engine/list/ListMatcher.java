package io.quietwatch.engine.list;

import io.quietwatch.event.Cidr;
import io.quietwatch.event.IpAddresses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The lookup structure of one list, built from its entries and then read without locks: exact values
 * (case-blind), IPv4 blocks as merged sorted ranges, IPv6 blocks, domain wildcards ({@code *.example.com}
 * matches every name below {@code example.com}) and numeric ranges ({@code 6881-6889}).
 */
final class ListMatcher {
    static final ListMatcher EMPTY = build(List.of());

    private final Set<String> exact;
    private final long[] v4Starts;
    private final long[] v4Ends;
    private final List<Cidr> v6;
    private final Set<String> domainSuffixes;
    private final long[] rangeStarts;
    private final long[] rangeEnds;

    private ListMatcher(Set<String> exact, long[] v4Starts, long[] v4Ends, List<Cidr> v6, Set<String> domainSuffixes,
                        long[] rangeStarts, long[] rangeEnds) {
        this.exact = exact;
        this.v4Starts = v4Starts;
        this.v4Ends = v4Ends;
        this.v6 = v6;
        this.domainSuffixes = domainSuffixes;
        this.rangeStarts = rangeStarts;
        this.rangeEnds = rangeEnds;
    }

    static ListMatcher build(Collection<ListEntry> entries) {
        Set<String> exact = new HashSet<>();
        List<long[]> v4 = new ArrayList<>();
        List<Cidr> v6 = new ArrayList<>();
        Set<String> suffixes = new HashSet<>();
        List<long[]> ranges = new ArrayList<>();
        for (ListEntry e : entries) {
            String v = e.value();
            if (v.startsWith("*.") && v.length() > 2) {
                suffixes.add(v.substring(1).toLowerCase(Locale.ROOT));
            } else if (v.indexOf('/') > 0 && looksLikeAddress(v.substring(0, v.indexOf('/')))) {
                Cidr c = Cidr.parse(v);
                if (c.ipv6()) {
                    v6.add(c);
                } else {
                    long start = c.lo() & c.maskLo();
                    v4.add(new long[] {start, start | (~c.maskLo() & 0xffffffffL)});
                }
            } else if (isRange(v)) {
                int dash = v.indexOf('-');
                ranges.add(new long[] {Long.parseLong(v.substring(0, dash).strip()), Long.parseLong(v.substring(dash + 1).strip())});
            } else if (IpAddresses.parseIpv4(v) >= 0) {
                // a single IPv4 address is a block of one: looked up by number, never by text
                long ip = IpAddresses.parseIpv4(v);
                v4.add(new long[] {ip, ip});
            } else if (isDigits(v)) {
                long n = Long.parseLong(v);
                ranges.add(new long[] {n, n});
            } else {
                exact.add(normal(v));
            }
        }
        long[][] merged4 = merge(v4);
        long[][] mergedR = merge(ranges);
        return new ListMatcher(Set.copyOf(exact), merged4[0], merged4[1], List.copyOf(v6), Set.copyOf(suffixes),
                mergedR[0], mergedR[1]);
    }

    /**
     * True if {@code value} is listed: exactly, inside a block or range, or below a wildcard domain. IPv4
     * addresses and numbers are looked up by value in sorted ranges, so the common case (an address from
     * an event) costs a parse and a binary search, no copy and no hashing.
     */
    boolean matches(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Number n) {
            return rangeStarts.length > 0 && inRanges(n.longValue(), rangeStarts, rangeEnds);
        }
        String s = value.toString();
        if (s.isEmpty()) {
            return false;
        }
        if (s.indexOf(':') >= 0) {
            return matchesIpv6OrText(s);
        }
        long ip = IpAddresses.parseIpv4(s);
        if (ip >= 0) {
            return v4Starts.length > 0 && inRanges(ip, v4Starts, v4Ends);
        }
        if (isDigits(s)) {
            return rangeStarts.length > 0 && inRanges(Long.parseLong(s), rangeStarts, rangeEnds);
        }
        if (exact.isEmpty() && domainSuffixes.isEmpty()) {
            return false;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (exact.contains(lower)) {
            return true;
        }
        if (!domainSuffixes.isEmpty()) {
            for (int dot = lower.indexOf('.'); dot >= 0; dot = lower.indexOf('.', dot + 1)) {
                if (domainSuffixes.contains(lower.substring(dot))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A value with a colon: an IPv6 address (exact or in a block), else plain text compared exactly. */
    private boolean matchesIpv6OrText(String s) {
        if (!exact.isEmpty() && exact.contains(normal(s))) {
            return true;
        }
        for (Cidr c : v6) {
            if (c.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRanges(long v, long[] starts, long[] ends) {
        int i = Arrays.binarySearch(starts, v);
        if (i >= 0) {
            return true;
        }
        int before = -i - 2;
        return before >= 0 && v <= ends[before];
    }

    /** Sorts and merges overlapping [start, end] ranges. */
    private static long[][] merge(List<long[]> ranges) {
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] r : ranges) {
            if (!out.isEmpty() && r[0] <= out.get(out.size() - 1)[1] + 1) {
                out.get(out.size() - 1)[1] = Math.max(out.get(out.size() - 1)[1], r[1]);
            } else {
                out.add(new long[] {r[0], r[1]});
            }
        }
        long[] starts = new long[out.size()];
        long[] ends = new long[out.size()];
        for (int i = 0; i < out.size(); i++) {
            starts[i] = out.get(i)[0];
            ends[i] = out.get(i)[1];
        }
        return new long[][] {starts, ends};
    }

    private static String normal(String v) {
        String canonical = IpAddresses.canonical(v);
        return canonical.toLowerCase(Locale.ROOT);
    }

    static boolean looksLikeAddress(String s) {
        return IpAddresses.isAddress(s);
    }

    static boolean isRange(String v) {
        int dash = v.indexOf('-');
        return dash > 0 && dash < v.length() - 1 && isDigits(v.substring(0, dash).strip()) && isDigits(v.substring(dash + 1).strip());
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
