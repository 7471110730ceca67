package io.quietwatch.event;

/**
 * A parsed CIDR block. IPv4 blocks keep the address and mask in the low 32 bits of {@code lo} and
 * {@code maskLo}.
 *
 * @param ipv6   whether this is an IPv6 block
 * @param hi     high 64 bits of the IPv6 address (0 for IPv4)
 * @param lo     low 64 bits of the IPv6 address, or the IPv4 address
 * @param maskHi high 64 bits of the IPv6 mask
 * @param maskLo low 64 bits of the IPv6 mask, or the IPv4 mask
 * @param prefix prefix length
 */
public record Cidr(boolean ipv6, long hi, long lo, long maskHi, long maskLo, int prefix) {

    /**
     * Parses {@code a.b.c.d/n}, {@code x::y/n} or a bare address (a host block).
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty network");
        }
        String s = text.strip();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        boolean six = addr.indexOf(':') >= 0;
        int max = six ? 128 : 32;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length that is not a number");
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0-" + max);
            }
        }
        if (six) {
            long[] v = new long[2];
            if (!IpAddresses.parseIpv6(addr, v)) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv6 network");
            }
            long maskHi = prefix == 0 ? 0 : prefix >= 64 ? -1L : -1L << (64 - prefix);
            long maskLo = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
            return new Cidr(true, v[0], v[1], maskHi, maskLo, prefix);
        }
        long v = IpAddresses.parseIpv4(addr);
        if (v < 0) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 network");
        }
        long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        return new Cidr(false, 0, v, 0, mask, prefix);
    }

    /** True if {@code ip} (an address literal) lies in this block. */
    public boolean contains(String ip) {
        if (ip == null) {
            return false;
        }
        if (!ipv6) {
            long v = IpAddresses.parseIpv4(ip);
            return v >= 0 && (v & maskLo) == (lo & maskLo);
        }
        long[] v = new long[2];
        return IpAddresses.parseIpv6(ip, v) && (v[0] & maskHi) == (hi & maskHi) && (v[1] & maskLo) == (lo & maskLo);
    }
}
