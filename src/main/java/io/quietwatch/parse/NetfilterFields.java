package io.quietwatch.parse;

/**
 * The key=value part of one netfilter LOG line, scanned once from its {@code IN=}: where the values of
 * the outer packet header are, and its numbers. Everything inside {@code [...]} (the packet an ICMP
 * error quotes, or an {@code INCOMPLETE [n bytes]} note) is skipped, so the outer header's fields win.
 * The first occurrence of a key wins; the IP header's {@code LEN=} and {@code ID=} are only taken
 * before {@code PROTO=}, since UDP repeats {@code LEN=} and ICMP echo has its own {@code ID=}. The
 * kernel ends a TCP header with {@code URGP=} and a UDP header with its {@code LEN=}; their presence
 * tells a whole header from one cut off in the middle of a port.
 * Positions are {@link #ABSENT} when the key was not seen. One instance per line; not thread-safe.
 */
final class NetfilterFields {
    static final int ABSENT = -1;

    private final String s;
    int inFrom = ABSENT;
    int inTo;
    int outFrom = ABSENT;
    int outTo;
    int physInFrom = ABSENT;
    int physInTo;
    int physOutFrom = ABSENT;
    int physOutTo;
    int srcFrom = ABSENT;
    int srcTo;
    int dstFrom = ABSENT;
    int dstTo;
    int protoFrom = ABSENT;
    int protoTo;
    int flagsFrom = ABSENT;
    int flagsTo;
    int length = ABSENT;
    int ttl = ABSENT;
    int id = ABSENT;
    int sourcePort = ABSENT;
    int destinationPort = ABSENT;
    int icmpType = ABSENT;
    int icmpCode = ABSENT;
    boolean syn;
    boolean ack;
    boolean urgentPointer;
    boolean udpLength;
    boolean fragment;
    boolean incomplete;
    boolean flowLabel;
    boolean arp;
    int depth;
    /** The first problem met while scanning, naming the field; null when none. */
    String error;

    private NetfilterFields(String s) {
        this.s = s;
    }

    /** Scans {@code s} from {@code from} (the {@code IN=}) to its end. */
    static NetfilterFields scan(String s, int from) {
        NetfilterFields f = new NetfilterFields(s);
        f.run(from);
        return f;
    }

    private void run(int from) {
        int n = s.length();
        int i = from;
        while (i < n && error == null) {
            char c = s.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '[') {
                depth++;
                i++;
            } else if (c == ']') {
                if (depth > 0) {
                    depth--;
                }
                i++;
            } else {
                int start = i;
                int eq = ABSENT;
                while (i < n && (c = s.charAt(i)) != ' ' && c != '[' && c != ']') {
                    if (c == '=' && eq == ABSENT) {
                        eq = i;
                    }
                    i++;
                }
                if (depth == 0) {
                    if (eq == ABSENT) {
                        word(start, i);
                    } else {
                        field(start, eq, i);
                    }
                }
            }
        }
    }

    private void word(int from, int to) {
        int len = to - from;
        if (len <= 3 && protoFrom != ABSENT && tcpFlag(from, len)) {
            if (flagsFrom == ABSENT) {
                flagsFrom = from;
            }
            flagsTo = to;
        } else if (s.startsWith("FRAG:", from)) {
            fragment = true;
        } else if (len == 10 && s.startsWith("INCOMPLETE", from)) {
            incomplete = true;
        } else if (len == 3 && s.startsWith("ARP", from)) {
            arp = true;
        }
    }

    private boolean tcpFlag(int from, int len) {
        if (len == 2) {
            return s.startsWith("AE", from);
        }
        if (len != 3) {
            return false;
        }
        if (s.startsWith("SYN", from)) {
            syn = true;
            return true;
        }
        if (s.startsWith("ACK", from)) {
            ack = true;
            return true;
        }
        return s.startsWith("FIN", from) || s.startsWith("RST", from) || s.startsWith("PSH", from)
                || s.startsWith("URG", from) || s.startsWith("ECE", from) || s.startsWith("CWR", from);
    }

    private void field(int k, int eq, int end) {
        int v = eq + 1;
        switch (eq - k) {
            case 2 -> {
                if (s.startsWith("IN", k) && inFrom == ABSENT) {
                    inFrom = v;
                    inTo = end;
                } else if (s.startsWith("ID", k) && id == ABSENT && protoFrom == ABSENT) {
                    id = checked("ID is not a number 0-65535", v, end, 0xffff);
                }
            }
            case 3 -> field3(k, v, end);
            case 4 -> {
                if (s.startsWith("TYPE", k) && icmpType == ABSENT) {
                    icmpType = checked("ICMP TYPE is not a number 0-255", v, end, 0xff);
                } else if (s.startsWith("CODE", k) && icmpCode == ABSENT) {
                    icmpCode = checked("ICMP CODE is not a number 0-255", v, end, 0xff);
                } else if (s.startsWith("URGP", k)) {
                    urgentPointer = true;
                }
            }
            case 5 -> field5(k, v, end);
            case 6 -> {
                if (s.startsWith("PHYSIN", k) && physInFrom == ABSENT) {
                    physInFrom = v;
                    physInTo = end;
                }
            }
            case 7 -> {
                if (s.startsWith("PHYSOUT", k) && physOutFrom == ABSENT) {
                    physOutFrom = v;
                    physOutTo = end;
                } else if (s.startsWith("FLOWLBL", k)) {
                    flowLabel = true;
                }
            }
            case 8 -> {
                if (s.startsWith("HOPLIMIT", k) && ttl == ABSENT) {
                    ttl = checked("HOPLIMIT is not a number 0-255", v, end, 0xff);
                }
            }
            default -> {
            }
        }
    }

    private void field3(int k, int v, int end) {
        if (s.startsWith("SRC", k)) {
            if (srcFrom == ABSENT) {
                srcFrom = v;
                srcTo = end;
            }
        } else if (s.startsWith("DST", k)) {
            if (dstFrom == ABSENT) {
                dstFrom = v;
                dstTo = end;
            }
        } else if (s.startsWith("SPT", k)) {
            if (sourcePort == ABSENT) {
                sourcePort = checked("SPT is not a port number 0-65535", v, end, 0xffff);
            }
        } else if (s.startsWith("DPT", k)) {
            if (destinationPort == ABSENT) {
                destinationPort = checked("DPT is not a port number 0-65535", v, end, 0xffff);
            }
        } else if (s.startsWith("TTL", k)) {
            if (ttl == ABSENT) {
                ttl = checked("TTL is not a number 0-255", v, end, 0xff);
            }
        } else if (s.startsWith("LEN", k)) {
            if (protoFrom != ABSENT) {
                udpLength = true;
            } else if (length == ABSENT) {
                length = checked("LEN is not a number", v, end, Integer.MAX_VALUE);
            }
        } else if (s.startsWith("OUT", k) && outFrom == ABSENT) {
            outFrom = v;
            outTo = end;
        }
    }

    private void field5(int k, int v, int end) {
        if (s.startsWith("PROTO", k)) {
            if (protoFrom == ABSENT) {
                if (v == end) {
                    error = "PROTO is empty";
                }
                protoFrom = v;
                protoTo = end;
            }
        } else if (arp && s.startsWith("IPSRC", k)) {
            if (srcFrom == ABSENT) {
                srcFrom = v;
                srcTo = end;
            }
        } else if (arp && s.startsWith("IPDST", k) && dstFrom == ABSENT) {
            dstFrom = v;
            dstTo = end;
        }
    }

    private int checked(String reason, int from, int to, int max) {
        int n = number(s, from, to, max);
        if (n == ABSENT) {
            error = reason;
        }
        return n;
    }

    /** The decimal number in {@code s[from, to)} if it is at most {@code max}, else {@link #ABSENT}. */
    static int number(String s, int from, int to, int max) {
        if (from >= to || to - from > 10) {
            return ABSENT;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return ABSENT;
            }
            value = value * 10 + (c - '0');
        }
        return value > max ? ABSENT : (int) value;
    }
}
