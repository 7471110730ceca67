package io.quietwatch.parse;

import java.util.Locale;

/**
 * What a custom field's label ({@code cs1Label=Rule}, {@code cn1Label=Duration}) says its value is.
 * Labels are compared in a normal form: lower case, letters and digits only ({@code Source User} and
 * {@code source_user} are {@code sourceuser}). A device sends the same few labels on every line, so the
 * meaning of each label text is kept in a small cache looked up straight from the line (a few of its
 * characters choose the slot, the whole label is compared); a miss (or an evicted entry) only costs one
 * classification.
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

    private record Entry(String label, int kind) {
    }

    // Entries are immutable and replaced whole, so racing threads at worst classify a label twice.
    private final Entry[] cache = new Entry[CACHE];

    /** The kind of the label {@code s[from, to)}. */
    int kind(String s, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > MAX_LABEL) {
            return NONE;
        }
        int first = slot(s, from, to);
        int free = first;
        for (int p = 0; p < PROBES; p++) {
            int slot = (first + p) & (CACHE - 1);
            Entry e = cache[slot];
            if (e == null) {
                free = slot;
                break;
            }
            if (e.label.length() == length && s.startsWith(e.label, from)) {
                return e.kind;
            }
        }
        String label = s.substring(from, to);
        int kind = classify(normal(label));
        cache[free] = new Entry(label, kind);
        return kind;
    }

    /**
     * Where the label's entry starts looking: from its length and four of its characters, cheaper than
     * hashing every character; the entry holds the label, compared in full on a hit.
     */
    private static int slot(String s, int from, int to) {
        int length = to - from;
        int h = length * 0x9E3779B1 ^ s.charAt(from) ^ s.charAt(to - 1) << 7 ^ s.charAt(from + length / 2) << 14
                ^ s.charAt(from + length / 3) << 21;
        return (h ^ h >>> 16) & (CACHE - 1);
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
