package io.quietwatch.parse;

import static io.quietwatch.parse.ZeekFields.CONN_STATE;
import static io.quietwatch.parse.ZeekFields.DURATION;
import static io.quietwatch.parse.ZeekFields.HOST;
import static io.quietwatch.parse.ZeekFields.METHOD;
import static io.quietwatch.parse.ZeekFields.MISSED_BYTES;
import static io.quietwatch.parse.ZeekFields.ORIG_BYTES;
import static io.quietwatch.parse.ZeekFields.ORIG_H;
import static io.quietwatch.parse.ZeekFields.ORIG_P;
import static io.quietwatch.parse.ZeekFields.ORIG_PKTS;
import static io.quietwatch.parse.ZeekFields.PATH;
import static io.quietwatch.parse.ZeekFields.PROTO;
import static io.quietwatch.parse.ZeekFields.RESP_BYTES;
import static io.quietwatch.parse.ZeekFields.RESP_FILENAMES;
import static io.quietwatch.parse.ZeekFields.RESP_H;
import static io.quietwatch.parse.ZeekFields.RESP_MIME_TYPES;
import static io.quietwatch.parse.ZeekFields.RESP_P;
import static io.quietwatch.parse.ZeekFields.RESP_PKTS;
import static io.quietwatch.parse.ZeekFields.STATUS_CODE;
import static io.quietwatch.parse.ZeekFields.SYSTEM_NAME;
import static io.quietwatch.parse.ZeekFields.TAGS;
import static io.quietwatch.parse.ZeekFields.TRANS_DEPTH;
import static io.quietwatch.parse.ZeekFields.TS;
import static io.quietwatch.parse.ZeekFields.UID;
import static io.quietwatch.parse.ZeekFields.URI;
import static io.quietwatch.parse.ZeekFields.USERNAME;
import static io.quietwatch.parse.ZeekFields.USER_AGENT;

/**
 * The JSON keys of conn.log and http.log the event needs, mapped to {@link ZeekFields} slots by length
 * first, so most keys are rejected after one comparison. The connection id is accepted with either
 * scope separator: {@code id.orig_h} (Zeek's default) and {@code id_orig_h}
 * ({@code Log::default_scope_sep = "_"}, as Security Onion and some Kafka pipelines write it).
 * {@code _path} and {@code _system_name} come from writers that log the stream name and sensor.
 */
final class ZeekJsonKeys {
    /** The slot of a key the event does not use. */
    static final int UNUSED = -1;

    private ZeekJsonKeys() {
    }

    /** The slot for the key {@code s[from, to)}, or {@link #UNUSED}. */
    static int slot(String s, int from, int to) {
        return switch (to - from) {
            case 2 -> s.startsWith("ts", from) ? TS : UNUSED;
            case 3 -> s.startsWith("uid", from) ? UID : s.startsWith("uri", from) ? URI : UNUSED;
            case 4 -> s.startsWith("host", from) ? HOST : s.startsWith("tags", from) ? TAGS : UNUSED;
            case 5 -> s.startsWith("proto", from) ? PROTO : s.startsWith("_path", from) ? PATH : UNUSED;
            case 6 -> s.startsWith("method", from) ? METHOD : UNUSED;
            case 8 -> s.startsWith("duration", from) ? DURATION : s.startsWith("username", from) ? USERNAME : UNUSED;
            case 9 -> nine(s, from);
            case 10 -> ten(s, from);
            case 11 -> s.startsWith("status_code", from) ? STATUS_CODE
                    : s.startsWith("trans_depth", from) ? TRANS_DEPTH : UNUSED;
            case 12 -> s.startsWith("missed_bytes", from) ? MISSED_BYTES
                    : s.startsWith("_system_name", from) ? SYSTEM_NAME : UNUSED;
            case 14 -> s.startsWith("resp_filenames", from) ? RESP_FILENAMES : UNUSED;
            case 15 -> s.startsWith("resp_mime_types", from) ? RESP_MIME_TYPES : UNUSED;
            default -> UNUSED;
        };
    }

    private static int nine(String s, int from) {
        char c = s.charAt(from);
        if (c == 'i') {
            char sep = s.charAt(from + 2);
            if (s.charAt(from + 1) != 'd' || sep != '.' && sep != '_') {
                return UNUSED;
            }
            int rest = from + 3;
            if (s.startsWith("orig_h", rest)) {
                return ORIG_H;
            }
            if (s.startsWith("orig_p", rest)) {
                return ORIG_P;
            }
            if (s.startsWith("resp_h", rest)) {
                return RESP_H;
            }
            return s.startsWith("resp_p", rest) ? RESP_P : UNUSED;
        }
        if (c == 'o') {
            return s.startsWith("orig_pkts", from) ? ORIG_PKTS : UNUSED;
        }
        return c == 'r' && s.startsWith("resp_pkts", from) ? RESP_PKTS : UNUSED;
    }

    private static int ten(String s, int from) {
        return switch (s.charAt(from)) {
            case 'o' -> s.startsWith("orig_bytes", from) ? ORIG_BYTES : UNUSED;
            case 'r' -> s.startsWith("resp_bytes", from) ? RESP_BYTES : UNUSED;
            case 'c' -> s.startsWith("conn_state", from) ? CONN_STATE : UNUSED;
            case 'u' -> s.startsWith("user_agent", from) ? USER_AGENT : UNUSED;
            default -> UNUSED;
        };
    }
}
