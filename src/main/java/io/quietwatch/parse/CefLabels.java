package io.quietwatch.parse;

import java.util.Locale;

/**
 * What a custom field's label ({@code cs1Label=Rule}, {@code cn1Label=Duration}) says its value is.
 * Labels are compared in a normal form: lower case, letters and digits only ({@code Source User} and
 * {@code source_user} are {@code sourceuser}). A device sends the same few labels on every line, so the
 * meaning of each label text is kept in a small cache looked up straight from the line by a hash of
 * the label; a miss (or an evicted entry) only costs one classification.
 */
final class CefLabels {
    static final int NONE = 0;
    static final int USER = 1;
    static final int URL = 2;
    static final int RULE = 3;
    static final int SESSION = 4;
    static final int DURATION_SECONDS = 5;
    static final int DURATION_MILLIS = 6;
    static final int PACKETS = 7;
    static final int PACKETS_SENT = 8;
    static final int PACKETS_RECEIVED = 9;
    static final int HTTP_STATUS = 10;
    static final int MIME_TYPE = 11;
    static final int USER_AGENT = 12;
    static final int SOURCE_ADDRESS = 13;
    static final int DESTINATION_ADDRESS = 14;
    static final int BYTES_TOTAL = 15;
    static final int KINDS = 16;

    private static final int CACHE = 512;
    private static final int PROBES = 4;
    private static final int MAX_LABEL = 64;

    private record Entry(long hash, int kind) {
    }

    // Entries are immutable and replaced whole, so racing threads at worst classify a label twice.
    private final Entry[] cache = new Entry[CACHE];

    /** The kind of the label {@code s[from, to)}. */
    int kind(String s, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > MAX_LABEL) {
            return NONE;
        }
        long h = hash(s, from, to);
        int first = (int) (h ^ (h >>> 32)) & (CACHE - 1);
        int free = first;
        for (int p = 0; p < PROBES; p++) {
            int slot = (first + p) & (CACHE - 1);
            Entry e = cache[slot];
            if (e == null) {
                free = slot;
                break;
            }
            if (e.hash == h) {
                return e.kind;
            }
        }
        int kind = classify(normal(s.substring(from, to)));
        cache[free] = new Entry(h, kind);
        return kind;
    }

    /**
     * A 64-bit hash of the label as written (four characters packed per block, each block mixed in
     * FNV-1a style, then the length); two labels share one with a chance of about 2^-64, so the cache
     * trusts it without comparing text.
     */
    private static long hash(String s, int from, int to) {
        long h = CefKeyTable.EMPTY;
        long block = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            block = block << 16 | s.charAt(i);
            if (++n == 4) {
                h = CefKeyTable.mix(h, block);
                block = 0;
                n = 0;
            }
        }
        return CefKeyTable.finish(h, block, to - from);
    }

    static int classify(String n) {
        switch (n) {
            case "session", "sessionid", "connectionid", "connid" -> {
                return SESSION;
            }
            case "packets", "totalpackets" -> {
                return PACKETS;
            }
            case "packetssent", "sentpackets", "packetsout" -> {
                return PACKETS_SENT;
            }
            case "packetsreceived", "receivedpackets", "packetsin", "packetsrcvd" -> {
                return PACKETS_RECEIVED;
            }
            case "httpstatus", "statuscode", "httpstatuscode", "responsecode", "httpresponsecode", "respcode" -> {
                return HTTP_STATUS;
            }
            case "contenttype", "mimetype", "httpcontenttype", "filemimetype" -> {
                return MIME_TYPE;
            }
            case "sourceipv6address", "ipv6sourceaddress", "sourceipv6", "srcipv6" -> {
                return SOURCE_ADDRESS;
            }
            case "destinationipv6address", "ipv6destinationaddress", "destinationipv6", "dstipv6" -> {
                return DESTINATION_ADDRESS;
            }
            case "totalbytes", "bytes", "bytestotal" -> {
                return BYTES_TOTAL;
            }
            case "uri", "requesturi" -> {
                return URL;
            }
            case "account", "accountname", "login", "loginname" -> {
                return USER;
            }
            default -> {
                return byWords(n);
            }
        }
    }

    private static int byWords(String n) {
        if (n.contains("useragent")) {
            return USER_AGENT;
        }
        if (n.contains("duration") || n.contains("elapsed")) {
            return n.endsWith("ms") || n.contains("milli") ? DURATION_MILLIS : DURATION_SECONDS;
        }
        if (n.contains("url") && !containsAny(n, "cat", "class", "reputation", "risk", "filter", "rule", "count",
                "score", "type", "hash", "length")) {
            return URL;
        }
        if (n.contains("user") && !containsAny(n, "agent", "group", "count", "type", "role", "privilege", "domain",
                "sid", "uid", "id")) {
            return USER;
        }
        if ((n.contains("rule") || n.contains("policy")) && !containsAny(n, "uuid", "uid", "type", "action", "count")) {
            return RULE;
        }
        return NONE;
    }

    private static boolean containsAny(String n, String... words) {
        for (String w : words) {
            if (n.contains(w)) {
                return true;
            }
        }
        return false;
    }

    static String normal(String label) {
        StringBuilder sb = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
