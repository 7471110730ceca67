package io.quietwatch.event;

import java.util.ArrayList;
import java.util.List;

/**
 * The address ranges that are "ours" ({@code internal_networks} in the config). Used to tell the
 * internal host of a connection from its remote end. Immutable and thread-safe.
 */
public final class InternalNetworks {
    /** RFC 1918 private IPv4 ranges and RFC 4193 unique local IPv6 addresses. */
    public static final List<String> DEFAULTS = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7");

    private final int[] v4Net;
    private final int[] v4Mask;
    /** For each first octet, whether any IPv4 block can contain addresses starting with it. */
    private final boolean[] firstOctet = new boolean[256];
    private final long[][] v6;
    private final List<String> cidrs;

    private InternalNetworks(List<String> cidrs, int[] v4Net, int[] v4Mask, long[][] v6) {
        this.cidrs = cidrs;
        this.v4Net = v4Net;
        this.v4Mask = v4Mask;
        this.v6 = v6;
        for (int o = 0; o < 256; o++) {
            for (int i = 0; i < v4Net.length; i++) {
                int top = v4Mask[i] & 0xff000000;
                if (((o << 24) & top) == (v4Net[i] & top)) {
                    firstOctet[o] = true;
                }
            }
        }
    }

    /** The default private ranges. */
    public static InternalNetworks defaults() {
        return of(DEFAULTS);
    }

    /**
     * Parses CIDR blocks ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, or a bare address).
     *
     * @throws IllegalArgumentException naming the first block that is not valid
     */
    public static InternalNetworks of(List<String> cidrList) {
        List<int[]> four = new ArrayList<>();
        List<long[]> six = new ArrayList<>();
        for (String cidr : cidrList) {
            Cidr c = Cidr.parse(cidr);
            if (c.ipv6()) {
                six.add(new long[] {c.hi() & c.maskHi(), c.lo() & c.maskLo(), c.maskHi(), c.maskLo()});
            } else {
                four.add(new int[] {(int) (c.lo() & c.maskLo()), (int) c.maskLo()});
            }
        }
        int[] nets = new int[four.size()];
        int[] masks = new int[four.size()];
        for (int i = 0; i < four.size(); i++) {
            nets[i] = four.get(i)[0];
            masks[i] = four.get(i)[1];
        }
        return new InternalNetworks(List.copyOf(cidrList), nets, masks, six.toArray(new long[0][]));
    }

    /** True if {@code ip} is an address literal inside one of the networks. */
    public boolean contains(String ip) {
        if (ip == null) {
            return false;
        }
        if (ip.indexOf(':') < 0) {
            // most addresses on the Internet side fail on the first octet: skip the full parse for them
            int o = firstOctet(ip);
            if (o < 0 || !firstOctet[o]) {
                return false;
            }
            long v = IpAddresses.parseIpv4(ip);
            if (v < 0) {
                return false;
            }
            int a = (int) v;
            for (int i = 0; i < v4Net.length; i++) {
                if ((a & v4Mask[i]) == v4Net[i]) {
                    return true;
                }
            }
            return false;
        }
        if (v6.length == 0) {
            return false;
        }
        long[] addr = new long[2];
        if (!IpAddresses.parseIpv6(ip, addr)) {
            return false;
        }
        for (long[] n : v6) {
            if ((addr[0] & n[2]) == n[0] && (addr[1] & n[3]) == n[1]) {
                return true;
            }
        }
        return false;
    }

    private static int firstOctet(String ip) {
        int v = 0;
        int n = Math.min(ip.length(), 4);
        for (int i = 0; i < n; i++) {
            char c = ip.charAt(i);
            if (c == '.') {
                return i == 0 || v > 255 ? -1 : v;
            }
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return -1;
    }

    /** The blocks as configured. */
    public List<String> cidrs() {
        return cidrs;
    }

    @Override
    public String toString() {
        return String.join(",", cidrs);
    }
}
