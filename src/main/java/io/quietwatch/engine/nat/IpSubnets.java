package io.quietwatch.engine.nat;

import io.quietwatch.event.IpAddresses;

/**
 * The EPL single-row function {@code ipSubnet(ip, ipv4Prefix, ipv6Prefix)}: the network an address
 * belongs to, as text ({@code 10.1.2.0/24}, {@code 2001:db8:1:2::/64}), or null for anything that is
 * not an address literal. Prefixes outside 0-32 (IPv4) or 0-128 (IPv6) are clamped.
 */
public final class IpSubnets {
    /** The function's name in EPL. */
    public static final String NAME = "ipSubnet";

    private IpSubnets() {
    }

    /** {@code ipSubnet(ip, ipv4Prefix, ipv6Prefix)}. */
    public static String subnet(String ip, int ipv4Prefix, int ipv6Prefix) {
        if (ip == null) {
            return null;
        }
        long v4 = IpAddresses.parseIpv4(ip);
        if (v4 >= 0) {
            int prefix = Math.max(0, Math.min(32, ipv4Prefix));
            long net = prefix == 0 ? 0 : v4 & (0xffffffffL << (32 - prefix)) & 0xffffffffL;
            return (net >>> 24) + "." + ((net >>> 16) & 0xff) + "." + ((net >>> 8) & 0xff) + "." + (net & 0xff) + "/" + prefix;
        }
        long[] v6 = new long[2];
        if (ip.indexOf(':') < 0 || !IpAddresses.parseIpv6(ip, v6)) {
            return null;
        }
        int prefix = Math.max(0, Math.min(128, ipv6Prefix));
        long hi = v6[0] & mask(prefix);
        long lo = v6[1] & mask(prefix - 64);
        StringBuilder full = new StringBuilder(40);
        for (int g = 0; g < 8; g++) {
            long half = g < 4 ? hi : lo;
            full.append(g == 0 ? "" : ":").append(Long.toHexString((half >>> (48 - 16 * (g % 4))) & 0xffff));
        }
        return IpAddresses.canonical(full.toString()) + "/" + prefix;
    }

    /** The top {@code bits} bits of a 64-bit half set (0 or fewer: none, 64 or more: all). */
    private static long mask(int bits) {
        if (bits <= 0) {
            return 0;
        }
        return bits >= 64 ? -1L : -1L << (64 - bits);
    }
}
