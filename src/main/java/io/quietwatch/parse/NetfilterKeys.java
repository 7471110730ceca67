package io.quietwatch.parse;

/**
 * Key codes for the netfilter LOG keys and flag words: up to eight ASCII characters packed into a
 * {@code long}, so a key read from the line is recognised by comparing one number instead of
 * strings. A key longer than eight characters, or with a character outside ASCII, has code 0, which
 * is no key's code.
 */
final class NetfilterKeys {
    private static final int MAX_LENGTH = 8;
    private static final long NOT_ASCII = 0xff;

    static final long IN = code("IN");
    static final long OUT = code("OUT");
    static final long PHYSIN = code("PHYSIN");
    static final long PHYSOUT = code("PHYSOUT");
    static final long SRC = code("SRC");
    static final long DST = code("DST");
    static final long LEN = code("LEN");
    static final long TTL = code("TTL");
    static final long ID = code("ID");
    static final long HOPLIMIT = code("HOPLIMIT");
    static final long FLOWLBL = code("FLOWLBL");
    static final long PROTO = code("PROTO");
    static final long SPT = code("SPT");
    static final long DPT = code("DPT");
    static final long URGP = code("URGP");
    static final long TYPE = code("TYPE");
    static final long CODE = code("CODE");
    static final long IPSRC = code("IPSRC");
    static final long IPDST = code("IPDST");
    static final long ARP = code("ARP");
    static final long SYN = code("SYN");
    static final long ACK = code("ACK");
    private static final long AE = code("AE");
    private static final long CWR = code("CWR");
    private static final long ECE = code("ECE");
    private static final long URG = code("URG");
    private static final long PSH = code("PSH");
    private static final long RST = code("RST");
    private static final long FIN = code("FIN");

    private NetfilterKeys() {
    }

    /** The code so far extended by {@code c}. */
    static long next(long code, char c) {
        return code << 8 | (c < 0x80 ? c : NOT_ASCII);
    }

    /** {@code code} when the key had at most eight characters, else 0. */
    static long known(long code, int length) {
        return length <= MAX_LENGTH ? code : 0;
    }

    /** True for the TCP flag words the kernel logs after {@code RES=}. */
    static boolean tcpFlag(long code) {
        return code == SYN || code == ACK || code == FIN || code == RST || code == PSH || code == URG
                || code == ECE || code == CWR || code == AE;
    }

    private static long code(String key) {
        long code = 0;
        for (int i = 0; i < key.length(); i++) {
            code = next(code, key.charAt(i));
        }
        return code;
    }
}
