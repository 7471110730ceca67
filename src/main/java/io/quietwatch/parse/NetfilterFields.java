package io.quietwatch.parse;

import static io.quietwatch.parse.NetfilterKeys.ACK;
import static io.quietwatch.parse.NetfilterKeys.ARP;
import static io.quietwatch.parse.NetfilterKeys.CODE;
import static io.quietwatch.parse.NetfilterKeys.DPT;
import static io.quietwatch.parse.NetfilterKeys.DST;
import static io.quietwatch.parse.NetfilterKeys.FLOWLBL;
import static io.quietwatch.parse.NetfilterKeys.HOPLIMIT;
import static io.quietwatch.parse.NetfilterKeys.ID;
import static io.quietwatch.parse.NetfilterKeys.IN;
import static io.quietwatch.parse.NetfilterKeys.IPDST;
import static io.quietwatch.parse.NetfilterKeys.IPSRC;
import static io.quietwatch.parse.NetfilterKeys.LEN;
import static io.quietwatch.parse.NetfilterKeys.OUT;
import static io.quietwatch.parse.NetfilterKeys.PHYSIN;
import static io.quietwatch.parse.NetfilterKeys.PHYSOUT;
import static io.quietwatch.parse.NetfilterKeys.PROTO;
import static io.quietwatch.parse.NetfilterKeys.SPT;
import static io.quietwatch.parse.NetfilterKeys.SRC;
import static io.quietwatch.parse.NetfilterKeys.SYN;
import static io.quietwatch.parse.NetfilterKeys.TTL;
import static io.quietwatch.parse.NetfilterKeys.TYPE;
import static io.quietwatch.parse.NetfilterKeys.URGP;

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
                i = depth == 0 ? token(i, n) : skipQuoted(i, n);
            }
        }
    }

    // The key is read into a key code on the way to '='; the value runs to the next blank.
    private int token(int start, int n) {
        long key = 0;
        int i = start;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '=') {
                int end = i + 1;
                while (end < n && s.charAt(end) != ' ') {
                    end++;
                }
                field(NetfilterKeys.known(key, i - start), i + 1, end);
                return end;
            }
            if (c == ' ' || c == '[' || c == ']') {
                break;
            }
            key = NetfilterKeys.next(key, c);
            i++;
        }
        word(NetfilterKeys.known(key, i - start), start, i);
        return i;
    }

    private int skipQuoted(int i, int n) {
        char c;
        while (i < n && (c = s.charAt(i)) != ' ' && c != '[' && c != ']') {
            i++;
        }
        return i;
    }

    private void word(long key, int from, int to) {
        if (protoFrom != ABSENT && NetfilterKeys.tcpFlag(key)) {
            if (key == SYN) {
                syn = true;
            } else if (key == ACK) {
                ack = true;
            }
            if (flagsFrom == ABSENT) {
                flagsFrom = from;
            }
            flagsTo = to;
        } else if (key == ARP) {
            arp = true;
        } else if (s.startsWith("FRAG:", from)) {
            fragment = true;
        } else if (to - from == 10 && s.startsWith("INCOMPLETE", from)) {
            incomplete = true;
        }
    }

    private void field(long key, int v, int end) {
        if (key == SRC) {
            if (srcFrom == ABSENT) {
                srcFrom = v;
                srcTo = end;
            }
        } else if (key == DST) {
            if (dstFrom == ABSENT) {
                dstFrom = v;
                dstTo = end;
            }
        } else if (key == LEN) {
            if (protoFrom != ABSENT) {
                udpLength = true;
            } else if (length == ABSENT) {
                length = checked("LEN is not a number", v, end, Integer.MAX_VALUE);
            }
        } else if (key == TTL) {
            if (ttl == ABSENT) {
                ttl = checked("TTL is not a number 0-255", v, end, 0xff);
            }
        } else if (key == ID) {
            if (id == ABSENT && protoFrom == ABSENT) {
                id = checked("ID is not a number 0-65535", v, end, 0xffff);
            }
        } else if (key == PROTO) {
            proto(v, end);
        } else if (key == SPT) {
            if (sourcePort == ABSENT) {
                sourcePort = checked("SPT is not a port number 0-65535", v, end, 0xffff);
            }
        } else if (key == DPT) {
            if (destinationPort == ABSENT) {
                destinationPort = checked("DPT is not a port number 0-65535", v, end, 0xffff);
            }
        } else if (key == URGP) {
            urgentPointer = true;
        } else {
            rareField(key, v, end);
        }
    }

    private void rareField(long key, int v, int end) {
        if (key == IN) {
            if (inFrom == ABSENT) {
                inFrom = v;
                inTo = end;
            }
        } else if (key == OUT) {
            if (outFrom == ABSENT) {
                outFrom = v;
                outTo = end;
            }
        } else if (key == TYPE) {
            if (icmpType == ABSENT) {
                icmpType = checked("ICMP TYPE is not a number 0-255", v, end, 0xff);
            }
        } else if (key == CODE) {
            if (icmpCode == ABSENT) {
                icmpCode = checked("ICMP CODE is not a number 0-255", v, end, 0xff);
            }
        } else if (key == HOPLIMIT) {
            if (ttl == ABSENT) {
                ttl = checked("HOPLIMIT is not a number 0-255", v, end, 0xff);
            }
        } else if (key == FLOWLBL) {
            flowLabel = true;
        } else if (key == PHYSIN) {
            if (physInFrom == ABSENT) {
                physInFrom = v;
                physInTo = end;
            }
        } else if (key == PHYSOUT) {
            if (physOutFrom == ABSENT) {
                physOutFrom = v;
                physOutTo = end;
            }
        } else if (arp) {
            arpField(key, v, end);
        }
    }

    private void proto(int v, int end) {
        if (protoFrom == ABSENT) {
            if (v == end) {
                error = "PROTO is empty";
            }
            protoFrom = v;
            protoTo = end;
        }
    }

    private void arpField(long key, int v, int end) {
        if (key == IPSRC && srcFrom == ABSENT) {
            srcFrom = v;
            srcTo = end;
        } else if (key == IPDST && dstFrom == ABSENT) {
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
        return to - from > 10 ? ABSENT : (int) Digits.value(s, from, to, max);
    }
}
