package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;

import java.time.ZoneId;
import java.util.Arrays;

/**
 * One Check Point Log Exporter record, scanned once: where the value of each known field is. The
 * record is {@code [key:"value"; key:"value"; ...]} (syslog format), also without the brackets, or
 * {@code [Fields@1.3.6.1.4.1.2620 key="value" key="value" ...]} (structured-data form). Inside a value
 * a backslash escapes the next {@code "}, {@code \}, {@code ]}, {@code ;} or {@code =}; semicolons
 * and brackets inside quotes are text. A quote ends the value only when a separator, the end of the
 * record or the next {@code key:} follows it, so a stray unescaped quote stays text. A key logged more
 * than once (one per matched policy layer: {@code rule_name}, {@code rule_uid}) keeps its last value,
 * the innermost layer's, which decided. One instance per line; not thread-safe.
 */
final class CheckPointRecord {
    private static final int ABSENT = -1;
    /** Longer than any Log Exporter field name; a longer "key" is text that lost its quotes. */
    private static final int MAX_KEY = 64;

    private final String s;
    private final int[] from = new int[CheckPointKeys.COUNT];
    private final int[] to = new int[CheckPointKeys.COUNT];
    /** The first problem met, naming the field; null when none. */
    String error;
    /** Number of key-value pairs read. */
    int pairs;
    /** The IPv4 value of the address {@link #address} read last, -1 when it was none. */
    long lastIpv4;
    /** Bounds of the value last trimmed by {@link #trim}. */
    private int trimFrom;
    private int trimTo;

    private CheckPointRecord(String s) {
        this.s = s;
        Arrays.fill(from, ABSENT);
    }

    /**
     * Where the first key starts: the first quote in {@code s} must open the first value, right after
     * {@code key:} or {@code key=}. -1 when {@code s} holds no record.
     */
    static int start(String s) {
        int quote = s.indexOf('"');
        if (quote < 1) {
            return -1;
        }
        int sep = quote - 1;
        char c = s.charAt(sep);
        if (c != ':' && c != '=') {
            return -1;
        }
        int k = sep;
        while (k > 0 && keyChar(s.charAt(k - 1))) {
            k--;
        }
        return k < sep ? k : -1;
    }

    /**
     * Scans the record whose first key is at {@code start}, led by the key sequences of earlier lines
     * ({@link KeyTrie}): a key that one of them had next is compared rather than found and looked up.
     * The values found are the same either way.
     */
    static CheckPointRecord scan(String s, int start, KeyTrie keys) {
        CheckPointRecord r = new CheckPointRecord(s);
        r.run(start, s.lastIndexOf('[', start) >= 0, keys);
        return r;
    }

    private void run(int i, boolean bracketed, KeyTrie keys) {
        String s = this.s;
        int n = s.length();
        KeyTrie.Node at = keys.root();
        boolean learning = false;
        while (true) {
            char c = 0;
            while (i < n && ((c = s.charAt(i)) == ' ' || c == ';' || c == '\t')) {
                i++;
            }
            if (i >= n) {
                if (bracketed) {
                    error = "record is not closed by ']' (line cut off?)";
                }
                return;
            }
            if (c == ']') {
                return;
            }
            KeyTrie.Node known = at == null ? null : follower(at, i);
            int open;
            int keyTo;
            int id;
            if (known != null) {
                // key:"value" with a key that came after the last one before: found by comparing
                keyTo = i + known.key.length();
                open = keyTo + 1;
                id = known.id;
                at = known;
            } else {
                // key:"value" -- the opening quote is found with String.indexOf, which loops over the
                // Latin-1 bytes and is cheaper than charAt. The key is not checked char by char (that
                // costs as much as the rest of the scan): a garbled one matches no known key.
                open = s.indexOf('"', i);
                keyTo = open - 1;
                if (open < 0 || keyTo <= i || keyTo - i > MAX_KEY || (c = s.charAt(keyTo)) != ':' && c != '=') {
                    error = "key '" + s.substring(i, keyEnd(i)) + "' has no quoted value";
                    return;
                }
                boolean doubled = c == ':' && s.charAt(keyTo - 1) == ':' && keyTo - 1 > i;
                if (doubled) {
                    keyTo--; // sys_message::"..." as some gateways write it
                }
                id = CheckPointKeys.lookup(CheckPointKeys.hash(s, i, keyTo), s, i, keyTo);
                if (at != null && !learning) {
                    // this line leaves the keys of earlier lines here: it goes on the slow way, and one such
                    // line in a few adds the rest of its keys
                    learning = !at.full() && keys.learnsFromLeaver();
                }
                // not kept: a key before a doubled separator, or one that ends in ':' (follower() would
                // take it for the key of "key::"); the rest of such a line is read this way
                at = at == null || !learning || doubled || s.charAt(keyTo - 1) == ':' ? null
                        : keys.child(at, s, i, keyTo, id);
            }
            int close = closingQuote(open + 1);
            if (close < 0) {
                error = "value of '" + s.substring(i, keyTo) + "' is not closed (line cut off?)";
                return;
            }
            if (id >= 0) {
                from[id] = open + 1;
                to[id] = close;
            }
            pairs++;
            i = close + 1;
        }
    }

    /**
     * The child of {@code at} whose key starts the pair at {@code i}: the key, then {@code :} or
     * {@code =}, then the opening quote, just as the reading of an unknown key would find them; or null
     * (also when {@code at} has its fill of children: keys follow it in no order worth learning).
     */
    private KeyTrie.Node follower(KeyTrie.Node at, int i) {
        String s = this.s;
        int n = s.length();
        if (at.full()) {
            return null; // keys come in no order here: not worth the comparisons
        }
        for (KeyTrie.Node k : at.children()) {
            if (k == null) {
                continue;
            }
            int end = i + k.key.length();
            char c;
            if (end + 1 < n && s.charAt(end + 1) == '"' && ((c = s.charAt(end)) == ':' || c == '=')
                    && k.startsAt(s, i)) {
                return k;
            }
        }
        return null;
    }

    /** End of the word at {@code i}, for messages. */
    private int keyEnd(int i) {
        int k = i;
        while (k < s.length() && keyChar(s.charAt(k)) && k - i < 40) {
            k++;
        }
        return k == i ? Math.min(i + 1, s.length()) : k;
    }

    /** Index of the quote that ends the value starting at {@code valueFrom}, or -1. */
    private int closingQuote(int valueFrom) {
        int q = s.indexOf('"', valueFrom);
        while (q >= 0) {
            int backslashes = 0;
            while (q - 1 - backslashes >= valueFrom && s.charAt(q - 1 - backslashes) == '\\') {
                backslashes++;
            }
            if ((backslashes & 1) == 0 && ends(q + 1)) {
                return q;
            }
            q = s.indexOf('"', q + 1);
        }
        return -1;
    }

    /** After a closing quote: the end, a separator, the record's end, or blanks and the next key. */
    private boolean ends(int k) {
        String s = this.s;
        int n = s.length();
        if (k >= n) {
            return true;
        }
        char c = s.charAt(k);
        if (c == ';' || c == ']') {
            return true;
        }
        if (c != ' ') {
            return false;
        }
        while (k < n && s.charAt(k) == ' ') {
            k++;
        }
        if (k >= n || (c = s.charAt(k)) == ';' || c == ']') {
            return true;
        }
        int key = k;
        while (k < n && keyChar(s.charAt(k))) {
            k++;
        }
        return k > key && k < n && (s.charAt(k) == ':' || s.charAt(k) == '=');
    }

    static boolean keyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.';
    }

    boolean has(int id) {
        return from[id] != ABSENT;
    }

    /** The value trimmed, escapes undone; null when absent or blank. */
    String text(int id) {
        if (!trim(id)) {
            return null;
        }
        String v = s.substring(trimFrom, trimTo);
        for (int i = trimFrom; i < trimTo; i++) {
            if (s.charAt(i) == '\\') {
                return CheckPointValues.unescape(v);
            }
        }
        return v;
    }

    /**
     * The value when it is an IP address literal, as written; null when absent or blank. {@code bad[0]} is
     * set when a value is there but is not an address. One parse, and a copy only of a real address.
     */
    String address(int id, boolean[] bad) {
        lastIpv4 = -1;
        if (!trim(id)) {
            return null;
        }
        lastIpv4 = IpAddresses.parseIpv4(s, trimFrom, trimTo);
        String a = IpAddresses.literal(s, trimFrom, trimTo, lastIpv4);
        if (a == null) {
            bad[0] = true;
        }
        return a;
    }

    /** The IP protocol keyword of the value (a number or a name), or null when absent or blank. */
    String transport() {
        return trim(CheckPointKeys.PROTO) ? CheckPointValues.transport(s, trimFrom, trimTo) : null;
    }

    /** Epoch milliseconds of a time field ({@link CheckPointValues#epochMillis}); no time when absent or blank. */
    long epochMillis(int id, ZoneId zone) {
        return trim(id) ? CheckPointValues.epochMillis(s, trimFrom, trimTo, zone) : SyslogMessage.NO_TIMESTAMP;
    }

    /** Nanoseconds of a duration in whole seconds or {@code [h:]mm:ss}; -1 when absent or neither. */
    long durationNanos(int id) {
        return trim(id) ? CheckPointValues.durationNanos(s, trimFrom, trimTo) : -1;
    }

    /** Index of the value among {@code words} (ignoring case and outer blanks), or -1; allocates nothing. */
    int oneOf(int id, String[] words) {
        if (!trim(id)) {
            return -1;
        }
        int len = trimTo - trimFrom;
        for (int w = 0; w < words.length; w++) {
            if (words[w].length() == len && s.regionMatches(true, trimFrom, words[w], 0, len)) {
                return w;
            }
        }
        return -1;
    }

    /**
     * The first of the fields that has a value, as {@link #text}. Fixed arities, not varargs: a call the
     * compiler does not inline would allocate the id array on every line.
     */
    String first(int a, int b) {
        String v = text(a);
        return v != null ? v : text(b);
    }

    /** The first of three fields that has a value, as {@link #text}. */
    String first(int a, int b, int c) {
        String v = text(a);
        return v != null ? v : first(b, c);
    }

    /** The first of four fields that has a value, as {@link #text}. */
    String first(int a, int b, int c, int d) {
        String v = text(a);
        return v != null ? v : first(b, c, d);
    }

    /** The decimal value of a field up to {@code max}; -1 when absent or blank, -2 when not such a number. */
    long number(int id, long max) {
        if (!trim(id)) {
            return -1;
        }
        long v = Digits.value(s, trimFrom, trimTo, max);
        return v < 0 ? -2 : v;
    }

    /** Sets {@link #trimFrom} and {@link #trimTo} to the value of {@code id} without outer blanks; false if blank. */
    private boolean trim(int id) {
        int f = from[id];
        if (f == ABSENT) {
            return false;
        }
        int t = to[id];
        while (f < t && s.charAt(f) == ' ') {
            f++;
        }
        while (t > f && s.charAt(t - 1) == ' ') {
            t--;
        }
        trimFrom = f;
        trimTo = t;
        return f < t;
    }
}
