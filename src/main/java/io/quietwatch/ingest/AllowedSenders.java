package io.quietwatch.ingest;

import io.quietwatch.event.Cidr;
import java.net.InetAddress;
import java.util.List;

/**
 * The {@code allowed_senders} check of one input: a sender is allowed if its address lies in one of
 * the configured CIDR blocks, or if none are configured. IPv4-mapped IPv6 addresses
 * ({@code ::ffff:a.b.c.d}) are matched as the IPv4 address they carry.
 */
final class AllowedSenders {
    private final Cidr[] blocks;

    private AllowedSenders(Cidr[] blocks) {
        this.blocks = blocks;
    }

    /**
     * Parses the configured blocks.
     *
     * @throws IllegalArgumentException naming the input and the block that is not a network
     */
    static AllowedSenders of(String inputName, List<String> cidrs) {
        Cidr[] blocks = new Cidr[cidrs.size()];
        for (int i = 0; i < blocks.length; i++) {
            try {
                blocks[i] = Cidr.parse(cidrs.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "input '" + inputName + "': allowed_senders: " + e.getMessage(), e);
            }
        }
        return new AllowedSenders(blocks);
    }

    /** True if no blocks are configured (every sender is allowed). */
    boolean allowsEveryone() {
        return blocks.length == 0;
    }

    /** True if {@code sender} may send to this input; a null sender is allowed only when everyone is. */
    boolean allows(InetAddress sender) {
        if (blocks.length == 0) {
            return true;
        }
        if (sender == null) {
            return false;
        }
        byte[] a = sender.getAddress();
        if (a.length == 4) {
            return allowsIpv4(bytesToLong(a, 0, 4));
        }
        if (isIpv4Mapped(a)) {
            return allowsIpv4(bytesToLong(a, 12, 4));
        }
        long hi = bytesToLong(a, 0, 8);
        long lo = bytesToLong(a, 8, 8);
        for (Cidr c : blocks) {
            if (c.ipv6() && (hi & c.maskHi()) == (c.hi() & c.maskHi()) && (lo & c.maskLo()) == (c.lo() & c.maskLo())) {
                return true;
            }
        }
        return false;
    }

    private boolean allowsIpv4(long v) {
        for (Cidr c : blocks) {
            if (!c.ipv6() && (v & c.maskLo()) == (c.lo() & c.maskLo())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIpv4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    private static long bytesToLong(byte[] a, int from, int count) {
        long v = 0;
        for (int i = from; i < from + count; i++) {
            v = (v << 8) | (a[i] & 0xff);
        }
        return v;
    }
}
