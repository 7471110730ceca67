package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;

/**
 * Typed reads of FortiOS field values: ports, counts, addresses. Blank values ({@link
 * FortigateFields#has}) read as null; a value the type cannot hold is recorded on the fields as a
 * problem naming the field ({@code "srcport is not a port number 0-65535"}) and reads as null.
 */
final class FortigateValues {
    private static final int MAX_DIGITS = 18;

    private FortigateValues() {
    }

    /** A port number 0-65535, or null when blank; anything else is an error. */
    static Integer port(FortigateFields f, int id) {
        if (!f.has(id)) {
            return null;
        }
        long v = digits(f, id);
        if (v < 0 || v > 0xffff) {
            f.fail(id, "is not a port number 0-65535");
            return null;
        }
        return (int) v;
    }

    /** A count (bytes, packets, seconds), or null when blank; anything else is an error. */
    static Long count(FortigateFields f, int id) {
        long v = countValue(f, id);
        return v < 0 ? null : Long.valueOf(v);
    }

    /** {@link #count} unboxed, -1 for null: for values that are combined before they are kept. */
    static long countValue(FortigateFields f, int id) {
        if (!f.has(id)) {
            return -1;
        }
        long v = digits(f, id);
        if (v < 0) {
            f.fail(id, "is not a number");
        }
        return v;
    }

    /** An IP address literal, or null when blank; anything else is an error. */
    static String address(FortigateFields f, int id) {
        return checked(f, id, addressOrNull(f, id));
    }

    /** As {@link #address(FortigateFields, int)} when the value's {@link #ipv4} has already been read. */
    static String address(FortigateFields f, int id, long ipv4) {
        return checked(f, id, f.has(id) ? IpAddresses.literal(f.line(), f.from(id), f.to(id), ipv4) : null);
    }

    private static String checked(FortigateFields f, int id, String a) {
        if (a == null && f.has(id)) {
            f.fail(id, "is not an IP address");
        }
        return a;
    }

    /** The value as an IPv4 address (unsigned 32-bit), or -1 when absent, blank or not a dotted quad. */
    static long ipv4(FortigateFields f, int id) {
        return f.present(id) ? IpAddresses.parseIpv4(f.line(), f.from(id), f.to(id)) : -1;
    }

    /** An IP address literal, or null when blank or not an address. */
    static String addressOrNull(FortigateFields f, int id) {
        return f.has(id) ? IpAddresses.literal(f.line(), f.from(id), f.to(id)) : null;
    }

    /** The unsigned decimal value, or -1 when it is not one (or has more than 18 digits). */
    static long digits(FortigateFields f, int id) {
        int from = f.from(id);
        int to = f.to(id);
        return to - from > MAX_DIGITS ? -1 : Digits.value(f.line(), from, to, Long.MAX_VALUE);
    }
}
