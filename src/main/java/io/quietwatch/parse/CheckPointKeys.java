package io.quietwatch.parse;

import java.util.Arrays;

/**
 * The Check Point Log Exporter fields the parser reads, by id, and their names. Some ids have two
 * names: the {@code Fields@1.3.6.1.4.1.2620} structured-data form writes {@code svc}, {@code sport_svc},
 * {@code xlatesport_svc}, {@code xlatedport_svc} and {@code ProductName} where the usual form writes
 * {@code service}, {@code s_port}, {@code xlatesport}, {@code xlatedport} and {@code product}. Names are
 * found by a cheap hash of their length and three of their chars ({@link #hash}) in an open-addressing
 * table, then compared: no allocation, and no multiply per char on the scan's critical path.
 */
final class CheckPointKeys {
    static final int ACTION = 0;
    static final int ORIGIN = 1;
    static final int TIME = 2;
    static final int SRC = 3;
    static final int DST = 4;
    static final int S_PORT = 5;
    static final int SERVICE = 6;
    static final int PROTO = 7;
    static final int XLATESRC = 8;
    static final int XLATEDST = 9;
    static final int XLATESPORT = 10;
    static final int XLATEDPORT = 11;
    static final int RULE_NAME = 12;
    static final int RULE_UID = 13;
    static final int IFNAME = 14;
    static final int IFDIR = 15;
    static final int CLIENT_INBOUND_INTERFACE = 16;
    static final int SERVER_OUTBOUND_INTERFACE = 17;
    static final int CLIENT_OUTBOUND_BYTES = 18;
    static final int SERVER_OUTBOUND_BYTES = 19;
    static final int BYTES = 20;
    static final int SENT_BYTES = 21;
    static final int RECEIVED_BYTES = 22;
    static final int CLIENT_OUTBOUND_PACKETS = 23;
    static final int SERVER_OUTBOUND_PACKETS = 24;
    static final int PACKETS = 25;
    static final int SESSION_DURATION = 26;
    static final int DURATION = 27;
    static final int ELAPSED = 28;
    static final int USER = 29;
    static final int SRC_USER_NAME = 30;
    static final int ADMINISTRATOR = 31;
    static final int CLIENT_IP = 32;
    static final int LOGUID = 33;
    static final int SESSION_ID = 34;
    static final int PRODUCT = 35;
    static final int RESOURCE = 36;
    static final int URL = 37;
    static final int APPI_NAME = 38;
    static final int HTTP_HOST = 39;
    static final int METHOD = 40;
    static final int USER_AGENT = 41;
    static final int FILE_NAME = 42;
    static final int LOGID = 43;
    static final int LOG_ID = 44;
    static final int REASON = 45;
    static final int ACTION_REASON = 46;
    static final int DROP_REASON = 47;
    static final int OUT_OF_STATE = 48;
    static final int ICMP_TYPE = 49;
    static final int ICMP_CODE = 50;
    static final int TCP_FLAGS = 51;
    static final int COUNT = 52;

    private static final String[] NAMES = {
        "action", "origin", "time", "src", "dst", "s_port", "service", "proto", "xlatesrc", "xlatedst",
        "xlatesport", "xlatedport", "rule_name", "rule_uid", "ifname", "ifdir", "client_inbound_interface",
        "server_outbound_interface", "client_outbound_bytes", "server_outbound_bytes", "bytes", "sent_bytes",
        "received_bytes", "client_outbound_packets", "server_outbound_packets", "packets", "session_duration",
        "duration", "elapsed", "user", "src_user_name", "administrator", "client_ip", "loguid", "session_id",
        "product", "resource", "url", "appi_name", "http_host", "method", "user_agent", "file_name", "logid",
        "log_id", "reason", "action_reason", "drop_reason", "tcp_packet_out_of_state", "icmp_type", "icmp_code",
        "tcp_flags"};
    private static final String[] ALIASES = {"svc", "sport_svc", "xlatesport_svc", "xlatedport_svc", "ProductName"};
    private static final int[] ALIAS_IDS = {SERVICE, S_PORT, XLATESPORT, XLATEDPORT, PRODUCT};

    private static final int MASK = 255;
    private static final int[] SLOT_HASH = new int[MASK + 1];
    private static final int[] SLOT_ID = new int[MASK + 1];
    private static final String[] SLOT_NAME = new String[MASK + 1];

    static {
        Arrays.fill(SLOT_ID, -1);
        for (int id = 0; id < NAMES.length; id++) {
            add(NAMES[id], id);
        }
        for (int i = 0; i < ALIASES.length; i++) {
            add(ALIASES[i], ALIAS_IDS[i]);
        }
    }

    private CheckPointKeys() {
    }

    private static void add(String name, int id) {
        int h = hash(name, 0, name.length());
        int slot = h & MASK;
        while (SLOT_ID[slot] >= 0) {
            slot = (slot + 1) & MASK;
        }
        SLOT_HASH[slot] = h;
        SLOT_ID[slot] = id;
        SLOT_NAME[slot] = name;
    }

    /** The name of an id, for messages. */
    static String name(int id) {
        return NAMES[id];
    }

    /** The hash of the key {@code s[from, to)} (not empty): its length, first, middle and last char. */
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
                String name = SLOT_NAME[slot];
                if (name.length() == to - from && s.startsWith(name, from)) {
                    return id;
                }
            }
            slot = (slot + 1) & MASK;
        }
        return -1;
    }
}
