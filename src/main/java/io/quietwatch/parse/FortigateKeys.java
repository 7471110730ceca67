package io.quietwatch.parse;

/**
 * The FortiOS log fields the FortiGate parser reads, as small ids, and a lookup from a key in the
 * line to its id. Older names of a field map to the same id: FortiOS 4 wrote {@code src},
 * {@code dst_port}, {@code sent}, {@code src_int}, ... and 5.x {@code logtime} where 6.0 and later
 * write {@code srcip}, {@code dstport}, {@code sentbyte}, {@code srcintf} and {@code eventtime};
 * FortiOS and FortiManager also write {@code log_id} and {@code session_id}.
 *
 * <p>The scanner packs each key into two numbers while it looks for its {@code =} ({@link #next}), so
 * a key is found with one table probe and two number comparisons; the many fields the parser does
 * not read (country, MAC, UUID, ...) mostly end at an empty slot.
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
    private static final int MAX_LENGTH = 16;
    private static final int PACKED = 8;
    private static final long NOT_ASCII = 0xff;
    private static final long[] SLOT_LOW = new long[SLOTS];
    private static final long[] SLOT_HIGH = new long[SLOTS];
    private static final int[] SLOT_LENGTH = new int[SLOTS];
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
        long low = 0;
        long high = 0;
        for (int i = 0; i < name.length(); i++) {
            if (i < PACKED) {
                low = next(low, name.charAt(i));
            } else {
                high = next(high, name.charAt(i));
            }
        }
        int slot = slot(low, high);
        while (SLOT_ID[slot] != 0) {
            slot = (slot + 1) & (SLOTS - 1);
        }
        SLOT_LOW[slot] = low;
        SLOT_HIGH[slot] = high;
        SLOT_LENGTH[slot] = name.length();
        SLOT_ID[slot] = id + 1;
    }

    private FortigateKeys() {
    }

    /**
     * A key's code so far extended by {@code c}: the scanner packs a key's first eight characters
     * into one {@code long} and the next eight into another, so that a key is compared as two
     * numbers. A character outside ASCII packs as 0xff, which no known key has.
     */
    static long next(long code, char c) {
        return code << 8 | (c < 0x80 ? c : NOT_ASCII);
    }

    /** How many characters go into the first code. */
    static int packed() {
        return PACKED;
    }

    /** The id of the key of {@code length} characters packed into {@code low} and {@code high}, or {@link #UNKNOWN}. */
    static int id(long low, long high, int length) {
        if (length > MAX_LENGTH) {
            return UNKNOWN;
        }
        int slot = slot(low, high);
        int candidate;
        while ((candidate = SLOT_ID[slot]) != 0) {
            if (SLOT_LOW[slot] == low && SLOT_HIGH[slot] == high && SLOT_LENGTH[slot] == length) {
                return candidate - 1;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        return UNKNOWN;
    }

    /** The field name of an id. */
    static String name(int id) {
        return NAMES[id];
    }

    private static int slot(long low, long high) {
        long h = low * 0x9E3779B97F4A7C15L + high * 0xC2B2AE3D27D4EB4FL;
        return (int) (h >>> 56) & (SLOTS - 1);
    }
}
