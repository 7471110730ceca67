package io.quietwatch.parse;

/**
 * The RT_FLOW fields the SRX parser reads, by id, and the structured-data parameter names that carry
 * them ({@code source-address="..."}). The plain-text reader fills the same ids by position. Names are
 * found by their {@link String#hashCode} in a small open-addressing table, then compared, so reading
 * a key allocates nothing.
 */
final class SrxKeys {
    static final int SOURCE_ADDRESS = 0;
    static final int SOURCE_PORT = 1;
    static final int DESTINATION_ADDRESS = 2;
    static final int DESTINATION_PORT = 3;
    static final int NAT_SOURCE_ADDRESS = 4;
    static final int NAT_SOURCE_PORT = 5;
    static final int NAT_DESTINATION_ADDRESS = 6;
    static final int NAT_DESTINATION_PORT = 7;
    static final int PROTOCOL_ID = 8;
    static final int POLICY_NAME = 9;
    static final int SOURCE_ZONE = 10;
    static final int DESTINATION_ZONE = 11;
    static final int SESSION_ID_32 = 12;
    static final int SESSION_ID = 13;
    static final int PACKETS_FROM_CLIENT = 14;
    static final int BYTES_FROM_CLIENT = 15;
    static final int PACKETS_FROM_SERVER = 16;
    static final int BYTES_FROM_SERVER = 17;
    static final int ELAPSED_TIME = 18;
    static final int USERNAME = 19;
    static final int REASON = 20;
    static final int ICMP_TYPE = 21;
    static final int COUNT = 22;

    /** Parameter names by id, as Junos writes them in {@code [junos@2636.1.1.1.2.x ...]}. */
    static final String[] NAMES = {
        "source-address", "source-port", "destination-address", "destination-port",
        "nat-source-address", "nat-source-port", "nat-destination-address", "nat-destination-port",
        "protocol-id", "policy-name", "source-zone-name", "destination-zone-name", "session-id-32", "session-id",
        "packets-from-client", "bytes-from-client", "packets-from-server", "bytes-from-server", "elapsed-time",
        "username", "reason", "icmp-type"};

    private static final int MASK = 127;
    private static final int[] SLOT_HASH = new int[MASK + 1];
    private static final int[] SLOT_ID = new int[MASK + 1];

    static {
        java.util.Arrays.fill(SLOT_ID, -1);
        for (int id = 0; id < NAMES.length; id++) {
            int h = hash(NAMES[id], 0, NAMES[id].length());
            int slot = h & MASK;
            while (SLOT_ID[slot] >= 0) {
                slot = (slot + 1) & MASK;
            }
            SLOT_HASH[slot] = h;
            SLOT_ID[slot] = id;
        }
    }

    private SrxKeys() {
    }

    /** The hash of the name {@code s[from, to)} (not empty): its length, first, middle and last char. */
    static int hash(String s, int from, int to) {
        int len = to - from;
        return ((len * 31 + s.charAt(from)) * 31 + s.charAt(from + (len >> 1))) * 31 + s.charAt(to - 1);
    }

    /** The id of the name {@code s[from, to)} whose {@link #hash} is {@code hash}, or -1. */
    static int lookup(int hash, String s, int from, int to) {
        int slot = hash & MASK;
        int id;
        while ((id = SLOT_ID[slot]) >= 0) {
            if (SLOT_HASH[slot] == hash) {
                String name = NAMES[id];
                if (name.length() == to - from && s.startsWith(name, from)) {
                    return id;
                }
            }
            slot = (slot + 1) & MASK;
        }
        return -1;
    }
}
