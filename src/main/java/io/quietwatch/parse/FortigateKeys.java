package io.quietwatch.parse;

/**
 * The FortiOS log fields the FortiGate parser reads, as small ids, and a lookup from a key in the
 * line to its id. The scanner hashes each key while it looks for its {@code =}, so a key is found
 * with one table probe and, on a hash match, one {@code regionMatches}; the many fields the parser
 * does not read (country, MAC, UUID, ...) mostly end at the probe.
 */
final class FortigateKeys {
    static final int UNKNOWN = -1;

    static final int DATE = 0;
    static final int TIME = 1;
    static final int TZ = 2;
    static final int EVENTTIME = 3;
    static final int TIMESTAMP = 4;
    static final int DEVNAME = 5;
    static final int LOGID = 6;
    static final int LOG_ID = 7;
    static final int TYPE = 8;
    static final int SUBTYPE = 9;
    static final int ACTION = 10;
    static final int SRCIP = 11;
    static final int SRCPORT = 12;
    static final int DSTIP = 13;
    static final int DSTPORT = 14;
    static final int PROTO = 15;
    static final int DURATION = 16;
    static final int SENTBYTE = 17;
    static final int RCVDBYTE = 18;
    static final int SENTPKT = 19;
    static final int RCVDPKT = 20;
    static final int SESSIONID = 21;
    static final int SESSION_ID = 22;
    static final int POLICYID = 23;
    static final int POLICYNAME = 24;
    static final int SRCINTF = 25;
    static final int DSTINTF = 26;
    static final int TRANSIP = 27;
    static final int TRANSPORT = 28;
    static final int TRANIP = 29;
    static final int TRANPORT = 30;
    static final int USER = 31;
    static final int UNAUTHUSER = 32;
    static final int SERVICE = 33;
    static final int HOSTNAME = 34;
    static final int URL = 35;
    static final int CONTENTTYPE = 36;
    static final int CATDESC = 37;
    static final int HTTPMETHOD = 38;
    static final int AGENT = 39;
    static final int FILENAME = 40;
    static final int RAWDATA = 41;
    static final int REMIP = 42;
    static final int LOCIP = 43;
    static final int REMPORT = 44;
    static final int LOCPORT = 45;
    static final int TUNNELIP = 46;
    static final int ASSIGNIP = 47;
    static final int XAUTHUSER = 48;
    static final int EAPUSER = 49;
    static final int REASON = 50;
    static final int STATUS = 51;
    static final int ICMPTYPE = 52;
    static final int ICMPCODE = 53;

    /** Field names by id; also the names malformed reasons use. */
    private static final String[] NAMES = {
        "date", "time", "tz", "eventtime", "timestamp", "devname", "logid", "log_id", "type", "subtype",
        "action", "srcip", "srcport", "dstip", "dstport", "proto", "duration", "sentbyte", "rcvdbyte", "sentpkt",
        "rcvdpkt", "sessionid", "session_id", "policyid", "policyname", "srcintf", "dstintf", "transip",
        "transport", "tranip", "tranport", "user", "unauthuser", "service", "hostname", "url", "contenttype",
        "catdesc", "httpmethod", "agent", "filename", "rawdata", "remip", "locip", "remport", "locport",
        "tunnelip", "assignip", "xauthuser", "eapuser", "reason", "status", "icmptype", "icmpcode"};

    static final int COUNT = NAMES.length;
    private static final char[][] CHARS = new char[COUNT][];

    private static final int SLOTS = 256;
    private static final int[] SLOT_HASH = new int[SLOTS];
    /** Id + 1 per slot; 0 is an empty slot. */
    private static final int[] SLOT_ID = new int[SLOTS];

    static {
        for (int id = 0; id < COUNT; id++) {
            String name = NAMES[id];
            CHARS[id] = name.toCharArray();
            int h = 0;
            for (int i = 0; i < name.length(); i++) {
                h = next(h, name.charAt(i));
            }
            int slot = slot(h);
            while (SLOT_ID[slot] != 0) {
                slot = (slot + 1) & (SLOTS - 1);
            }
            SLOT_HASH[slot] = h;
            SLOT_ID[slot] = id + 1;
        }
    }

    private FortigateKeys() {
    }

    /** The hash so far extended by {@code c}; the scanner computes it over a key's characters. */
    static int next(int hash, char c) {
        return hash * 31 + c;
    }

    /** The id of the key {@code s[from, from + length)} whose hash is {@code hash}, or {@link #UNKNOWN}. */
    static int id(String s, int from, int length, int hash) {
        int slot = slot(hash);
        int candidate;
        while ((candidate = SLOT_ID[slot]) != 0) {
            if (SLOT_HASH[slot] == hash && same(s, from, length, CHARS[candidate - 1])) {
                return candidate - 1;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        return UNKNOWN;
    }

    // Against a char[]: String.startsWith checks coders and bounds first, which costs more on short keys.
    private static boolean same(String s, int from, int length, char[] name) {
        if (name.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(from + i) != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** The field name of an id. */
    static String name(int id) {
        return NAMES[id];
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> 7) ^ (hash >>> 15)) & (SLOTS - 1);
    }
}
