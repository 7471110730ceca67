package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

import java.time.ZoneId;

/**
 * Records of the OpenVPN server status file in {@code --status-version 2} (commas) and {@code 3}
 * (tabs), one per line:
 * <pre>
 * CLIENT_LIST,cn,real,virtual,[virtual IPv6,]bytes received,bytes sent,connected since,since (time_t),username[,client id,peer id[,cipher]]
 * ROUTING_TABLE,virtual[C],cn,real,last ref,last ref (time_t)
 * </pre>
 * The IPv6 column came with 2.4, the client and peer ids too, the cipher with 2.5; the layout is told
 * from the values, not from the count (a comma in a common name shifts a version 2 line). A client is
 * a session {@code start} observation at its connected-since time, with the bytes the server counted:
 * received from the client (the source) and sent to it. A route to a single address maps that
 * address to the client at its last-reference time; {@code C} marks a cached route, and iroute
 * subnets and TAP MAC addresses map no address. {@code TITLE}, {@code HEADER} and
 * {@code GLOBAL_STATS} lines carry no session and give only the common fields.
 */
final class OpenVpnStatus {
    static final String CLIENT_LIST = "CLIENT_LIST";
    static final String ROUTING_TABLE = "ROUTING_TABLE";
    private static final String[] RECORDS = {CLIENT_LIST, ROUTING_TABLE, "HEADER", "TITLE", "GLOBAL_STATS"};
    private static final String UNDEF = "UNDEF";
    private static final int MAX_FIELDS = 16;

    private OpenVpnStatus() {
    }

    /** The record type {@code s} opens with, followed by a comma or a tab; null for other lines. */
    static String record(String s) {
        char first = s.isEmpty() ? 0 : s.charAt(0);
        if (first != 'C' && first != 'R' && first != 'H' && first != 'T' && first != 'G') {
            return null;
        }
        for (String r : RECORDS) {
            int n = r.length();
            if (s.length() > n && s.startsWith(r) && (s.charAt(n) == ',' || s.charAt(n) == '\t')) {
                return r;
            }
        }
        return null;
    }

    /** Reads a record into {@code b}; returns the record's own time in epoch millis or {@link OpenVpnTime#NONE}. */
    static long read(String s, String record, LogEventBuilder b, OpenVpnTime time, ZoneId zone) {
        b.eventCode(record);
        int[] from = new int[MAX_FIELDS];
        int[] to = new int[MAX_FIELDS];
        int n = split(s, s.charAt(record.length()), from, to);
        return switch (record) {
            case CLIENT_LIST -> client(s, n, from, to, b, time, zone);
            case ROUTING_TABLE -> route(s, n, from, to, b, time, zone);
            default -> OpenVpnTime.NONE;
        };
    }

    private static long client(String s, int n, int[] from, int[] to, LogEventBuilder b, OpenVpnTime time,
                               ZoneId zone) {
        // 2.3 and older: no IPv6 column, so the counters follow the virtual address directly
        boolean v23 = n > 6 && digits(s, from[4], to[4]) && digits(s, from[5], to[5]) && !digits(s, from[6], to[6]);
        int bytes = v23 ? 4 : 5;
        int username = bytes + 4;
        if (n <= username) {
            throw new OpenVpnSyntaxException(CLIENT_LIST + " has " + n + " fields, expected at least "
                    + (username + 1));
        }
        OpenVpnPeer peer = peer(s, from[2], to[2], "Real Address");
        String v4 = text(s, from[3], to[3]);
        if (v4 != null && IpAddresses.parseIpv4(v4) < 0) {
            throw new OpenVpnSyntaxException(CLIENT_LIST + " Virtual Address is not an IPv4 address");
        }
        String v6 = v23 ? null : text(s, from[4], to[4]);
        String assigned = v4 != null ? v4 : v6 != null && IpAddresses.isAddress(v6) ? v6 : null;
        String user = name(text(s, from[username], to[username]));
        String clientId = n > username + 1 && digits(s, from[username + 1], to[username + 1])
                ? s.substring(from[username + 1], to[username + 1]) : null;
        session(b, peer, "client-list").phase(LogEvent.START).assignedIp(assigned)
                .userName(user != null ? user : name(text(s, from[1], to[1])))
                .sourceBytes(counter(s, from[bytes], to[bytes], "Bytes Received"))
                .destinationBytes(counter(s, from[bytes + 1], to[bytes + 1], "Bytes Sent"))
                .connectionId(clientId);
        return stamp(s, from, to, bytes + 2, bytes + 3, time, zone);
    }

    private static long route(String s, int n, int[] from, int[] to, LogEventBuilder b, OpenVpnTime time,
                              ZoneId zone) {
        if (n < 5) {
            throw new OpenVpnSyntaxException(ROUTING_TABLE + " has " + n + " fields, expected at least 5");
        }
        int end = to[1];
        if (end > from[1] && s.charAt(end - 1) == 'C') {
            end--; // a cached route
        }
        String virtual = text(s, from[1], end);
        String assigned = virtual != null && IpAddresses.isAddress(virtual) ? virtual : null;
        session(b, peer(s, from[3], to[3], "Real Address"), "routing-table").assignedIp(assigned)
                .phase(assigned != null ? LogEvent.START : null)
                .userName(name(text(s, from[2], to[2])));
        return stamp(s, from, to, 4, n > 5 ? 5 : -1, time, zone);
    }

    private static LogEventBuilder session(LogEventBuilder b, OpenVpnPeer peer, String action) {
        return b.category(LogEvent.CATEGORY_SESSION).action(action).outcome(LogEvent.ALLOWED)
                .sourceIp(peer.ip()).sourcePort(peer.port()).transport(peer.transport());
    }

    /** The epoch column when it holds one, else the local-time column. */
    private static long stamp(String s, int[] from, int[] to, int text, int epoch, OpenVpnTime time, ZoneId zone) {
        long t = epoch < 0 || from[epoch] == to[epoch] ? OpenVpnTime.NONE : OpenVpnTime.epoch(s, from[epoch], to[epoch]);
        return t != OpenVpnTime.NONE ? t : time.millis(s, from[text], to[text], zone);
    }

    private static OpenVpnPeer peer(String s, int from, int to, String what) {
        OpenVpnPeer peer = OpenVpnPeer.parse(s, from, to);
        if (peer == null) {
            throw new OpenVpnSyntaxException(from == to ? "no " + what : what + " is not an address");
        }
        return peer;
    }

    private static Long counter(String s, int from, int to, String what) {
        if (!digits(s, from, to) || to - from > 18) {
            throw new OpenVpnSyntaxException(what + " is not a number");
        }
        return Long.parseLong(s, from, to, 10);
    }

    /** Splits at {@code sep} into at most {@link #MAX_FIELDS} fields (the last one takes the rest); returns the count. */
    private static int split(String s, char sep, int[] from, int[] to) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
            end--;
        }
        int n = 0;
        int start = 0;
        while (n < MAX_FIELDS - 1) {
            int i = s.indexOf(sep, start);
            if (i < 0 || i >= end) {
                break;
            }
            from[n] = start;
            to[n++] = i;
            start = i + 1;
        }
        from[n] = start;
        to[n++] = end;
        return n;
    }

    private static String text(String s, int from, int to) {
        return to > from ? s.substring(from, to) : null;
    }

    /** A user or common name; OpenVPN writes {@code UNDEF} for none. */
    static String name(String s) {
        return s == null || s.equals(UNDEF) ? null : s;
    }

    private static boolean digits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
