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
        // most addresses on the Internet side fail on the first octet: the parse stops there for them
        long v = IpAddresses.parseIpv4(ip, 0, ip.length(), firstOctet);
        if (v >= 0) {
            return containsIpv4((int) v);
        }
        if (v6.length == 0 || ip.indexOf(':') < 0) {
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

    /** True if the IPv4 address {@code a} (as an unsigned 32-bit value) is inside one of the networks. */
    public boolean containsIpv4(int a) {
        for (int i = 0; i < v4Net.length; i++) {
            if ((a & v4Mask[i]) == v4Net[i]) {
                return true;
            }
        }
        return false;
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
