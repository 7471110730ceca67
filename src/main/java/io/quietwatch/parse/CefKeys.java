package io.quietwatch.parse;

/**
 * The CEF extension keys the parser maps, as field ids: the short names of the ArcSight dictionary (in
 * any case), their full names (some senders write {@code sourceAddress=} for {@code src=}; exact case
 * only, see {@link CefKeyTable}), and a few keys real
 * devices use outside it ({@code method}, Citrix; {@code contenttype}, Zscaler). The custom fields
 * ({@code cs1}-{@code cs6}, {@code cn1}-{@code cn4}, {@code flexString1}/{@code 2},
 * {@code flexNumber1}/{@code 2}, {@code c6a1}-{@code c6a4}) take the ids from {@link #CUSTOM}, their
 * labels the same ids plus {@link #CUSTOM_COUNT}.
 */
final class CefKeys {
    static final int SRC = 0;
    static final int DST = 1;
    static final int SPT = 2;
    static final int DPT = 3;
    static final int PROTO = 4;
    static final int ACT = 5;
    static final int IN = 6;
    static final int OUT = 7;
    static final int REQUEST = 8;
    static final int METHOD = 9;
    static final int USER_AGENT = 10;
    static final int FILE_TYPE = 11;
    static final int FNAME = 12;
    static final int SUSER = 13;
    static final int DUSER = 14;
    static final int RT = 15;
    static final int START = 16;
    static final int END = 17;
    static final int EXTERNAL_ID = 18;
    static final int IN_INTERFACE = 19;
    static final int OUT_INTERFACE = 20;
    static final int SRC_NAT = 21;
    static final int SRC_NAT_PORT = 22;
    static final int DST_NAT = 23;
    static final int DST_NAT_PORT = 24;
    static final int DHOST = 25;
    static final int SHOST = 26;
    static final int OUTCOME = 27;
    static final int DVCHOST = 28;
    static final int DVC = 29;
    static final int DTZ = 30;
    static final int REASON = 31;
    static final int CONTENT_TYPE = 32;
    static final int REQUEST_CONTEXT = 33;
    static final int CUSTOM = 34;
    static final int CUSTOM_COUNT = 18;
    static final int SIZE = CUSTOM + 2 * CUSTOM_COUNT;

    private static final String[] CUSTOM_NAMES = {"cs1", "cs2", "cs3", "cs4", "cs5", "cs6", "cn1", "cn2", "cn3",
        "cn4", "flexString1", "flexString2", "flexNumber1", "flexNumber2", "c6a1", "c6a2", "c6a3", "c6a4"};

    static final CefKeyTable TABLE = table();

    private CefKeys() {
    }

    private static CefKeyTable table() {
        Object[] fixed = {
            "src", SRC, "dst", DST, "spt", SPT, "dpt", DPT, "proto", PROTO, "act", ACT, "in", IN, "out", OUT,
            "request", REQUEST, "requestMethod", METHOD, "method", METHOD,
            "requestClientApplication", USER_AGENT, "fileType", FILE_TYPE, "fname", FNAME,
            "suser", SUSER, "duser", DUSER, "rt", RT, "start", START, "end", END, "externalId", EXTERNAL_ID,
            "deviceInboundInterface", IN_INTERFACE, "deviceOutboundInterface", OUT_INTERFACE,
            "sourceTranslatedAddress", SRC_NAT, "sourceTranslatedPort", SRC_NAT_PORT,
            "destinationTranslatedAddress", DST_NAT, "destinationTranslatedPort", DST_NAT_PORT,
            "dhost", DHOST, "shost", SHOST, "outcome", OUTCOME, "dvchost", DVCHOST, "dvc", DVC, "dtz", DTZ,
            "reason", REASON, "contenttype", CONTENT_TYPE, "requestContext", REQUEST_CONTEXT,
        };
        Object[] fullNames = {
            "sourceAddress", SRC, "destinationAddress", DST, "sourcePort", SPT, "destinationPort", DPT,
            "transportProtocol", PROTO, "deviceAction", ACT, "bytesIn", IN, "bytesOut", OUT,
            "requestUrl", REQUEST, "fileName", FNAME, "sourceUserName", SUSER, "destinationUserName", DUSER,
            "deviceReceiptTime", RT, "startTime", START, "endTime", END, "destinationHostName", DHOST,
            "sourceHostName", SHOST, "eventOutcome", OUTCOME, "deviceHostName", DVCHOST, "deviceAddress", DVC,
            "deviceTimeZone", DTZ,
        };
        Object[] all = new Object[fixed.length + 4 * CUSTOM_COUNT];
        System.arraycopy(fixed, 0, all, 0, fixed.length);
        int at = fixed.length;
        for (int i = 0; i < CUSTOM_COUNT; i++) {
            all[at++] = CUSTOM_NAMES[i];
            all[at++] = CUSTOM + i;
            all[at++] = CUSTOM_NAMES[i] + "Label";
            all[at++] = CUSTOM + CUSTOM_COUNT + i;
        }
        return CefKeyTable.of(SIZE, all, fullNames);
    }
}
