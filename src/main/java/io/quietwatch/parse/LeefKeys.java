package io.quietwatch.parse;

/**
 * The LEEF attributes the parser maps, as field ids: IBM's predefined keys ({@code src},
 * {@code srcPort}, {@code usrName}, {@code devTime}, {@code srcBytes}, {@code srcPostNAT}, ...), the
 * custom keys PAN-OS writes in its LEEF format ({@code SessionID}, {@code RuleName},
 * {@code IngressInterface}, {@code ElapsedTime}, {@code Subtype}, ...), and those of Zscaler's NSS
 * web feed ({@code reqmethod}, {@code respcode}, {@code useragent}, {@code contenttype}, ...).
 */
final class LeefKeys {
    static final int SRC = 0;
    static final int DST = 1;
    static final int SRC_PORT = 2;
    static final int DST_PORT = 3;
    static final int PROTO = 4;
    static final int USER = 5;
    static final int DEV_TIME = 6;
    static final int DEV_TIME_FORMAT = 7;
    static final int ACTION = 8;
    static final int CAT = 9;
    static final int SRC_BYTES = 10;
    static final int DST_BYTES = 11;
    static final int TOTAL_BYTES = 12;
    static final int SRC_PACKETS = 13;
    static final int DST_PACKETS = 14;
    static final int TOTAL_PACKETS = 15;
    static final int SRC_POST_NAT = 16;
    static final int DST_POST_NAT = 17;
    static final int SRC_POST_NAT_PORT = 18;
    static final int DST_POST_NAT_PORT = 19;
    static final int SRC_PRE_NAT = 20;
    static final int DST_PRE_NAT = 21;
    static final int URL = 22;
    static final int POLICY = 23;
    static final int SESSION_ID = 24;
    static final int RULE_NAME = 25;
    static final int INGRESS = 26;
    static final int EGRESS = 27;
    static final int ELAPSED_SECONDS = 28;
    static final int DURATION_MILLIS = 29;
    static final int REASON = 30;
    static final int SUBTYPE = 31;
    static final int SOURCE_USER = 32;
    static final int USER_AGENT = 33;
    static final int METHOD = 34;
    static final int STATUS = 35;
    static final int MIME_TYPE = 36;
    static final int HOST_NAME = 37;
    static final int FILE_NAME = 38;
    static final int DEVICE_NAME = 39;
    static final int DEVICE_ZONE = 40;
    static final int SIZE = 41;

    static final CefKeyTable TABLE = CefKeyTable.of(SIZE,
            "src", SRC, "dst", DST, "srcPort", SRC_PORT, "dstPort", DST_PORT, "proto", PROTO,
            "usrName", USER, "devTime", DEV_TIME, "devTimeFormat", DEV_TIME_FORMAT,
            "action", ACTION, "act", ACTION, "cat", CAT,
            "srcBytes", SRC_BYTES, "dstBytes", DST_BYTES, "totalBytes", TOTAL_BYTES,
            "srcPackets", SRC_PACKETS, "dstPackets", DST_PACKETS, "totalPackets", TOTAL_PACKETS,
            "srcPostNAT", SRC_POST_NAT, "dstPostNAT", DST_POST_NAT,
            "srcPostNATPort", SRC_POST_NAT_PORT, "dstPostNATPort", DST_POST_NAT_PORT,
            "srcPreNAT", SRC_PRE_NAT, "dstPreNAT", DST_PRE_NAT,
            "url", URL, "policy", POLICY, "SessionID", SESSION_ID, "RuleName", RULE_NAME, "rule", RULE_NAME,
            "IngressInterface", INGRESS, "EgressInterface", EGRESS,
            "ElapsedTime", ELAPSED_SECONDS, "duration", ELAPSED_SECONDS, "durationms", DURATION_MILLIS,
            "SessionEndReason", REASON, "reason", REASON, "Subtype", SUBTYPE,
            "SourceUser", SOURCE_USER, "accountName", SOURCE_USER,
            "useragent", USER_AGENT, "requestClientApplication", USER_AGENT,
            "reqmethod", METHOD, "method", METHOD, "requestMethod", METHOD, "httpMethod", METHOD,
            "respcode", STATUS, "httpStatus", STATUS, "statusCode", STATUS, "responseCode", STATUS,
            "contenttype", MIME_TYPE, "mimeType", MIME_TYPE, "hostname", HOST_NAME,
            "fname", FILE_NAME, "fileName", FILE_NAME, "DeviceName", DEVICE_NAME, "dtz", DEVICE_ZONE);

    private LeefKeys() {
    }
}
