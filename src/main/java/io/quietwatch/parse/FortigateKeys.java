package io.quietwatch.parse;

/**
 * The FortiOS log fields the FortiGate parser reads, as small ids, and a lookup from a key in the
 * line to its id. Older names of a field map to the same id: FortiOS 4 wrote {@code src},
 * {@code dst_port}, {@code sent}, {@code src_int}, ... and 5.x {@code logtime} where 6.0 and later
 * write {@code srcip}, {@code dstport}, {@code sentbyte}, {@code srcintf} and {@code eventtime};
 * FortiOS and FortiManager also write {@code log_id} and {@code session_id}.
 *
 * <p>The scanner hashes each key while it looks for its {@code =}, so a key is found with one table
 * probe and, on a hash match, one comparison; the many fields the parser does not read (country,
 * MAC, UUID, ...) mostly end at the probe.
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
    static final int TYPE = 7;
    static final int SUBTYPE = 8;
    static final int ACTION = 9;
    static final int SRCIP = 10;
    static final int SRCPORT = 11;
    static final int DSTIP = 12;
    static final int DSTPORT = 13;
    static final int PROTO = 14;
    static final int DURATION = 15;
    static final int SENTBYTE = 16;
    static final int RCVDBYTE = 17;
    static final int SENTPKT = 18;
    static final int RCVDPKT = 19;
    static final int SESSIONID = 20;
    static final int POLICYID = 21;
    static final int POLICYNAME = 22;
    static final int SRCINTF = 23;
    static final int DSTINTF = 24;
    static final int TRANSIP = 25;
    static final int TRANSPORT = 26;
    static final int TRANIP = 27;
    static final int TRANPORT = 28;
    static final int USER = 29;
    static final int UNAUTHUSER = 30;
    static final int SERVICE = 31;
    static final int HOSTNAME = 32;
    static final int URL = 33;
    static final int CONTENTTYPE = 34;
    static final int CATDESC = 35;
    static final int HTTPMETHOD = 36;
    static final int AGENT = 37;
    static final int FILENAME = 38;
    static final int RAWDATA = 39;
    static final int REMIP = 40;
    static final int LOCIP = 41;
    static final int REMPORT = 42;
    static final int LOCPORT = 43;
    static final int TUNNELIP = 44;
    static final int ASSIGNIP = 45;
    static final int XAUTHUSER = 46;
    static final int EAPUSER = 47;
    static final int REASON = 48;
    static final int STATUS = 49;
    static final int ICMPTYPE = 50;
    static final int ICMPCODE = 51;

    /** Field names by id; also the names malformed reasons use. */
    private static final String[] NAMES = {
        "date", "time", "tz", "eventtime", "timestamp", "devname", "logid", "type", "subtype", "action",
        "srcip", "srcport", "dstip", "dstport", "proto", "duration", "sentbyte", "rcvdbyte", "sentpkt",
        "rcvdpkt", "sessionid", "policyid", "policyname", "srcintf", "dstintf", "transip", "transport",
        "tranip", "tranport", "user", "unauthuser", "service", "hostname", "url", "contenttype", "catdesc",
        "httpmethod", "agent", "filename", "rawdata", "remip", "locip", "remport", "locport", "tunnelip",
        "assignip", "xauthuser", "eapuser", "reason", "status", "icmptype", "icmpcode"};

    static final int COUNT = NAMES.length;

    /** Older or other products' names, each followed by the id it stands for. */
    private static final Object[] ALIASES = {
        "log_id", LOGID, "session_id", SESSIONID, "logtime", EVENTTIME, "src", SRCIP, "dst", DSTIP,
        "src_port", SRCPORT, "dst_port", DSTPORT, "sent", SENTBYTE, "rcvd", RCVDBYTE, "sent_pkt", SENTPKT,
        "rcvd_pkt", RCVDPKT, "src_int", SRCINTF, "dst_int", DSTINTF, "tran_ip", TRANSIP, "tran_port", TRANSPORT};

    private static final int SLOTS = 256;
    private static final int[] SLOT_HASH = new int[SLOTS];
    private static final char[][] SLOT_NAME = new char[SLOTS][];
    /** Id + 1 per slot; 0 is an empty slot. */
    private static final int[] SLOT_ID = new int[SLOTS];

    static {
        for (int id = 0; id < COUNT; id++) {
            put(NAMES[id], id);
        }
        for (int i = 0; i < ALIASES.length; i += 2) {
            put((String) ALIASES[i], (Integer) ALIASES[i + 1]);
        }
    }

    private static void put(String name, int id) {
        int h = 0;
        for (int i = 0; i < name.length(); i++) {
            h = next(h, name.charAt(i));
        }
        int slot = slot(h);
        while (SLOT_ID[slot] != 0) {
            slot = (slot + 1) & (SLOTS - 1);
        }
        SLOT_HASH[slot] = h;
        SLOT_NAME[slot] = name.toCharArray();
        SLOT_ID[slot] = id + 1;
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
            if (SLOT_HASH[slot] == hash && same(s, from, length, SLOT_NAME[slot])) {
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
