package io.quietwatch.parse;

import java.util.Arrays;

import static io.quietwatch.parse.ZeekFields.CONN_STATE;
import static io.quietwatch.parse.ZeekFields.DURATION;
import static io.quietwatch.parse.ZeekFields.HOST;
import static io.quietwatch.parse.ZeekFields.METHOD;
import static io.quietwatch.parse.ZeekFields.MISSED_BYTES;
import static io.quietwatch.parse.ZeekFields.ORIG_BYTES;
import static io.quietwatch.parse.ZeekFields.ORIG_H;
import static io.quietwatch.parse.ZeekFields.ORIG_P;
import static io.quietwatch.parse.ZeekFields.ORIG_PKTS;
import static io.quietwatch.parse.ZeekFields.PROTO;
import static io.quietwatch.parse.ZeekFields.RESP_BYTES;
import static io.quietwatch.parse.ZeekFields.RESP_FILENAMES;
import static io.quietwatch.parse.ZeekFields.RESP_H;
import static io.quietwatch.parse.ZeekFields.RESP_MIME_TYPES;
import static io.quietwatch.parse.ZeekFields.RESP_P;
import static io.quietwatch.parse.ZeekFields.RESP_PKTS;
import static io.quietwatch.parse.ZeekFields.STATUS_CODE;
import static io.quietwatch.parse.ZeekFields.TAGS;
import static io.quietwatch.parse.ZeekFields.TRANS_DEPTH;
import static io.quietwatch.parse.ZeekFields.TS;
import static io.quietwatch.parse.ZeekFields.UID;
import static io.quietwatch.parse.ZeekFields.URI;
import static io.quietwatch.parse.ZeekFields.USERNAME;
import static io.quietwatch.parse.ZeekFields.USER_AGENT;

/**
 * One data line of a Zeek TSV log ({@code LogAscii} default). The parser sees lines one at a time and
 * never the {@code #fields} header, so the record's kind and column order are told from its shape:
 * <ul>
 *   <li>conn: {@code proto} ({@code tcp}, {@code udp}, {@code icmp}, {@code unknown_transport}) in column
 *       7 and a service name, not a DNS transaction id, after it. Zeek 2.5 to 8.x write 21 columns (7.1
 *       adds {@code ip_proto}); Bro 2.4 and older 20, without {@code local_resp}, told apart by
 *       {@code missed_bytes} being a count in column 14.</li>
 *   <li>http: {@code trans_depth} (a count) in column 7, a method in column 8 and the two body lengths
 *       (counts) where the version puts them: columns 15-16 in Zeek 2.6+ (30 columns, with
 *       {@code version} and {@code origin}), 14-15 in Bro 2.5 (29, no {@code origin}), 13-14 in
 *       Bro 2.2-2.4 (27, no {@code version}, a single {@code filename}).</li>
 *   <li>any other log with {@code ts uid id.orig_h id.orig_p id.resp_h id.resp_p} first (dns, ssl, ...).</li>
 * </ul>
 * Columns after the default ones (community-id, MAC and VLAN logging, {@code cookie_vars}) are ignored.
 * {@code -} is unset and {@code (empty)} an empty set or string; sets and vectors keep their first
 * element. A TAB that an rsyslog relay escaped as {@code #011} also separates columns.
 */
final class ZeekTsv {
    /** Length of {@code 1700000000.123456}, after which the first separator comes. */
    static final int TS_LENGTH = 17;
    static final String RSYSLOG_TAB = "#011";

    private static final int MAX_FIELDS = 32;
    private static final int ID_FIELDS = 6;

    private record Layout(ZeekFields.Kind kind, String name, int fields, int[] column) {
    }

    private static final Layout CONN = layout(ZeekFields.Kind.CONN, "conn record", 21,
            PROTO, 6, DURATION, 8, ORIG_BYTES, 9, RESP_BYTES, 10, CONN_STATE, 11, MISSED_BYTES, 14, ORIG_PKTS, 16,
            RESP_PKTS, 18);
    private static final Layout CONN_BRO_24 = layout(ZeekFields.Kind.CONN, "conn record", 20,
            PROTO, 6, DURATION, 8, ORIG_BYTES, 9, RESP_BYTES, 10, CONN_STATE, 11, MISSED_BYTES, 13, ORIG_PKTS, 15,
            RESP_PKTS, 17);
    private static final Layout HTTP = layout(ZeekFields.Kind.HTTP, "http record", 30,
            TRANS_DEPTH, 6, METHOD, 7, HOST, 8, URI, 9, USER_AGENT, 12, STATUS_CODE, 16, TAGS, 20, USERNAME, 21,
            RESP_FILENAMES, 28, RESP_MIME_TYPES, 29);
    private static final Layout HTTP_BRO_25 = layout(ZeekFields.Kind.HTTP, "http record", 29,
            TRANS_DEPTH, 6, METHOD, 7, HOST, 8, URI, 9, USER_AGENT, 12, STATUS_CODE, 15, TAGS, 19, USERNAME, 20,
            RESP_FILENAMES, 27, RESP_MIME_TYPES, 28);
    private static final Layout HTTP_BRO_24 = layout(ZeekFields.Kind.HTTP, "http record", 27,
            TRANS_DEPTH, 6, METHOD, 7, HOST, 8, URI, 9, USER_AGENT, 11, STATUS_CODE, 14, RESP_FILENAMES, 18,
            TAGS, 19, USERNAME, 20, RESP_MIME_TYPES, 26);
    private static final Layout OTHER = layout(ZeekFields.Kind.OTHER, "record", ID_FIELDS);
    private static final Layout OTHER_WITH_PROTO = layout(ZeekFields.Kind.OTHER, "record", ID_FIELDS, PROTO, 6);

    private final String s;
    private final int start;
    private final int sepLength;
    private final int[] ends = new int[MAX_FIELDS];
    private int count;

    private ZeekTsv(String s, int start, int end) {
        this.s = s;
        this.start = start;
        this.sepLength = s.charAt(start + TS_LENGTH) == '\t' ? 1 : RSYSLOG_TAB.length();
        split(end);
    }

    /**
     * Reads the line {@code s[start, end)}, which starts with the epoch stamp and a separator.
     *
     * @throws ZeekSyntaxException when the record is cut off
     */
    static ZeekFields read(String s, int start, int end) {
        ZeekTsv line = new ZeekTsv(s, start, end);
        Layout layout = line.layout();
        if (line.count < layout.fields) {
            throw new ZeekSyntaxException("Zeek " + layout.name + " cut off: " + line.count + " of "
                    + layout.fields + " TAB-separated fields");
        }
        ZeekFields f = new ZeekFields(s, false);
        f.kind = layout.kind;
        int[] column = layout.column;
        for (int slot = 0; slot < column.length; slot++) {
            if (column[slot] >= 0) {
                line.fill(f, slot, column[slot]);
            }
        }
        return f;
    }

    private void split(int end) {
        int p = start;
        while (true) {
            int q = sepLength == 1 ? s.indexOf('\t', p) : s.indexOf(RSYSLOG_TAB, p);
            if (q < 0 || q > end) {
                q = end;
            }
            if (count < MAX_FIELDS) {
                ends[count] = q;
            }
            count++;
            if (q >= end) {
                return;
            }
            p = q + sepLength;
        }
    }

    private Layout layout() {
        if (isTransport(6)) {
            // dns.log has proto there too, followed by its numeric trans_id; dpd.log (9 columns) by text
            if (count > 7 && isCount(7) || count > 8 && count < 20 && !isDuration(8)) {
                return OTHER_WITH_PROTO;
            }
            return count > 13 && isCount(13) ? CONN_BRO_24 : CONN;
        }
        if (count > 7 && isCount(6) && isMethod(7)) {
            if (count > 13 && isCount(12) && isCount(13)) {
                return HTTP_BRO_24;
            }
            if (count > 14 && isCount(13) && isCount(14)) {
                return HTTP_BRO_25;
            }
            if (count > 15 && isCount(14) && isCount(15)) {
                return HTTP;
            }
            if (count < 16 && count > 9 && ends[9] > from(9) && s.charAt(from(9)) == '/') {
                return HTTP;
            }
        }
        return OTHER;
    }

    private void fill(ZeekFields f, int slot, int column) {
        if (column >= count) {
            return;
        }
        int from = from(column);
        int to = ends[column];
        if (to - from == 1 && s.charAt(from) == '-'
                || to - from == 7 && s.startsWith("(empty)", from)) {
            return;
        }
        if (slot == RESP_FILENAMES || slot == RESP_MIME_TYPES || slot == TAGS || slot == UID) {
            int comma = s.indexOf(',', from);
            if (comma >= 0 && comma < to) {
                to = comma;
            }
        }
        f.set(slot, from, to);
    }

    private int from(int column) {
        return column == 0 ? start : ends[column - 1] + sepLength;
    }

    private boolean isCount(int column) {
        int from = from(column);
        int to = ends[column];
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return to > from;
    }

    private boolean isTransport(int column) {
        if (column >= count) {
            return false;
        }
        int from = from(column);
        int length = ends[column] - from;
        return length == 3 && (s.startsWith("tcp", from) || s.startsWith("udp", from))
                || length == 4 && s.startsWith("icmp", from)
                || length == 17 && s.startsWith("unknown_transport", from);
    }

    /** {@code -} or seconds with a fraction, as {@code duration} is logged. */
    private boolean isDuration(int column) {
        int from = from(column);
        int to = ends[column];
        if (to - from == 1 && s.charAt(from) == '-') {
            return true;
        }
        return ZeekNumbers.nanos(s, from, to) != ZeekNumbers.NONE;
    }

    /** {@code -} or letters and underscores ({@code GET}, {@code CCM_POST}). */
    private boolean isMethod(int column) {
        int from = from(column);
        int to = ends[column];
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '-')) {
                return false;
            }
        }
        return to > from;
    }

    private static Layout layout(ZeekFields.Kind kind, String name, int fields, int... slotColumnPairs) {
        int[] column = new int[ZeekFields.SLOTS];
        Arrays.fill(column, -1);
        column[TS] = 0;
        column[UID] = 1;
        column[ORIG_H] = 2;
        column[ORIG_P] = 3;
        column[RESP_H] = 4;
        column[RESP_P] = 5;
        for (int i = 0; i < slotColumnPairs.length; i += 2) {
            column[slotColumnPairs[i]] = slotColumnPairs[i + 1];
        }
        return new Layout(kind, name, fields, column);
    }
}
