package io.quietwatch.event;

/**
 * Allocation-free parsing of IPv4 and IPv6 address literals, and their canonical text form. Never
 * resolves names: a string that is not an address literal is simply "not an address".
 */
public final class IpAddresses {
    private IpAddresses() {
    }

    /** The IPv4 address as an unsigned 32-bit value, or -1 if {@code s} is not a dotted quad. */
    public static long parseIpv4(String s) {
        return parseIpv4(s, 0, s.length());
    }

    /** As {@link #parseIpv4(String)} over {@code s[from, to)}. */
    public static long parseIpv4(String s, int from, int to) {
        return parseIpv4(s, from, to, null);
    }

    /**
     * As {@link #parseIpv4(String, int, int)}, but -1 as soon as the first octet is one that
     * {@code firstOctets} (indexed 0-255, null for any) rules out.
     */
    public static long parseIpv4(String s, int from, int to, boolean[] firstOctets) {
        long value = 0;
        int octets = 0;
        int i = from;
        while (i < to) {
            int start = i;
            int octet = 0;
            while (i < to) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                octet = octet * 10 + (c - '0');
                if (octet > 255 || i - start >= 3) {
                    return -1;
                }
                i++;
            }
            if (i == start || octets == 0 && firstOctets != null && !firstOctets[octet]) {
                return -1;
            }
            value = (value << 8) | octet;
            octets++;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != '.' || octets == 4) {
                return -1;
            }
            i++;
            if (i == to) {
                return -1;
            }
        }
        return octets == 4 ? value : -1;
    }

    /**
     * Parses an IPv6 literal (with {@code ::} compression, an optional embedded dotted quad and an
     * optional {@code %zone}, which is ignored) into {@code out[0]} (high 64 bits) and {@code out[1]}.
     *
     * @return true if {@code s} is an IPv6 literal
     */
    public static boolean parseIpv6(String s, long[] out) {
        int len = s.length();
        int pct = s.indexOf('%');
        if (pct >= 0) {
            len = pct;
        }
        int[] groups = new int[8];
        int count = 0;
        int compressAt = -1;
        int i = 0;
        if (len >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            compressAt = 0;
            i = 2;
            if (len == 2) {
                out[0] = 0;
                out[1] = 0;
                return true;
            }
        } else if (len == 0 || s.charAt(0) == ':') {
            return false;
        }
        while (i < len) {
            if (count == 8) {
                return false;
            }
            int start = i;
            int value = 0;
            while (i < len && Character.digit(s.charAt(i), 16) >= 0 && i - start < 4) {
                value = (value << 4) | Character.digit(s.charAt(i), 16);
                i++;
            }
            if (i < len && s.charAt(i) == '.') {
                long v4 = parseIpv4(s, start, len);
                if (v4 < 0 || count > 6) {
                    return false;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xffff);
                i = len;
                break;
            }
            if (i == start) {
                return false;
            }
            groups[count++] = value;
            if (i == len) {
                break;
            }
            if (s.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < len && s.charAt(i) == ':') {
                if (compressAt >= 0) {
                    return false;
                }
                compressAt = count;
                i++;
            } else if (i == len) {
                return false;
            }
        }
        if (compressAt < 0 && count != 8 || compressAt >= 0 && count > 7) {
            return false;
        }
        int[] full = new int[8];
        if (compressAt < 0) {
            full = groups;
        } else {
            int tail = count - compressAt;
            System.arraycopy(groups, 0, full, 0, compressAt);
            System.arraycopy(groups, compressAt, full, 8 - tail, tail);
        }
        long hi = 0;
        long lo = 0;
        for (int g = 0; g < 4; g++) {
            hi = (hi << 16) | full[g];
            lo = (lo << 16) | full[g + 4];
        }
        out[0] = hi;
        out[1] = lo;
        return true;
    }

    /** True if {@code s} is an IPv4 or IPv6 address literal. */
    public static boolean isAddress(String s) {
        return s != null && (parseIpv4(s) >= 0 || s.indexOf(':') >= 0 && parseIpv6(s, new long[2]));
    }

    /**
     * The text of {@code s[from, to)} when it is an IPv4 or IPv6 address literal, else null (an empty
     * range, a host name, {@code -}). A host name costs no copy.
     */
    public static String literal(String s, int from, int to) {
        if (from >= to) {
            return null;
        }
        return literal(s, from, to, parseIpv4(s, from, to));
    }

    /**
     * As {@link #literal(String, int, int)} for a caller that has already read {@code ipv4}, the value of
     * {@link #parseIpv4(String, int, int) parseIpv4(s, from, to)}: an IPv4 address is copied without
     * a second parse, and only a range that is not one is checked as an IPv6 literal.
     */
    public static String literal(String s, int from, int to, long ipv4) {
        if (ipv4 >= 0) {
            return s.substring(from, to);
        }
        int colon = s.indexOf(':', from);
        if (colon < 0 || colon >= to) {
            return null;
        }
        String text = s.substring(from, to);
        return parseIpv6(text, new long[2]) ? text : null;
    }

    /**
     * The canonical text of an address: IPv4 unchanged, IPv6 in the RFC 5952 form (lower case, longest
     * run of zero groups compressed). Anything else (a host name, null) is returned as given.
     */
    public static String canonical(String s) {
        if (s == null || s.indexOf(':') < 0) {
            return s;
        }
        long[] v = new long[2];
        if (!parseIpv6(s, v)) {
            return s;
        }
        String text = formatIpv6(v[0], v[1]);
        return text.equals(s) ? s : text;
    }

    static String formatIpv6(long hi, long lo) {
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (hi >>> (48 - 16 * i)) & 0xffff;
            g[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xffff;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
