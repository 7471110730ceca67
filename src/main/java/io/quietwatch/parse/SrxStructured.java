package io.quietwatch.parse;

/**
 * Reads the RFC 5424 structured data of an RT_FLOW message, {@code [junos@2636.1.1.1.2.40
 * source-address="10.0.0.5" source-port="51234" ...]}, into an {@link SrxSession}. The element is read
 * where it stands: in {@link SyslogMessage#structuredData()} when the header parser took it, or in the
 * message when it did not (some Junos builds write values in typographic quotes, {@code name=”st0.0”},
 * which is not valid RFC 5424; such a value is read up to the next blank).
 */
final class SrxStructured {
    static final String MARKER = "[junos@";
    /** RFC 5424 section 6.3.3: a PARAM-NAME is at most 32 chars. */
    private static final int MAX_NAME = 32;

    private SrxStructured() {
    }

    /** Reads the element whose {@code [} is at {@code at}; returns the problem naming the parameter, or null. */
    static String read(SrxSession out, int at) {
        String s = out.s;
        int n = s.length();
        int i = at + MARKER.length();
        while (i < n && s.charAt(i) != ' ' && s.charAt(i) != ']') {
            i++;
        }
        while (true) {
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                return "structured data is not closed by ']' (line cut off?)";
            }
            if (s.charAt(i) == ']') {
                return null;
            }
            // name="value": the '=' is found with String.indexOf, which loops over the Latin-1 bytes and is
            // cheaper than charAt. A name is not checked char by char (that costs as much as the rest of the
            // scan): a garbled one matches no known name.
            int keyFrom = i;
            int keyTo = s.indexOf('=', i);
            if (keyTo < 0 || keyTo == keyFrom || keyTo - keyFrom > MAX_NAME) {
                return "parameter '" + s.substring(keyFrom, wordEnd(s, keyFrom)) + "' has no value";
            }
            int valueFrom = keyTo + 1;
            int valueTo;
            if (valueFrom < n && s.charAt(valueFrom) == '"') {
                valueFrom++;
                valueTo = closingQuote(s, valueFrom);
                if (valueTo < 0) {
                    return "value of '" + s.substring(keyFrom, keyTo) + "' is not closed (line cut off?)";
                }
                i = valueTo + 1;
            } else {
                i = valueFrom;
                while (i < n && s.charAt(i) != ' ' && s.charAt(i) != ']') {
                    i++;
                }
                valueTo = i;
            }
            int id = SrxKeys.lookup(SrxKeys.hash(s, keyFrom, keyTo), s, keyFrom, keyTo);
            if (id >= 0) {
                out.set(id, valueFrom, valueTo);
            }
        }
    }

    private static int wordEnd(String s, int from) {
        int k = from;
        while (k < s.length() && s.charAt(k) != ' ' && s.charAt(k) != '=' && s.charAt(k) != ']' && k - from < 40) {
            k++;
        }
        return Math.max(k, Math.min(from + 1, s.length()));
    }

    /** Index of the quote that ends a value starting at {@code from}: one not escaped by a backslash, or -1. */
    static int closingQuote(String s, int from) {
        int q = s.indexOf('"', from);
        while (q >= 0) {
            int backslashes = 0;
            while (q - 1 - backslashes >= from && s.charAt(q - 1 - backslashes) == '\\') {
                backslashes++;
            }
            if ((backslashes & 1) == 0) {
                return q;
            }
            q = s.indexOf('"', q + 1);
        }
        return -1;
    }

    /** {@code v} with RFC 5424 section 6.3.3 escapes undone ({@code \" \\ \]}); any other pair stays. */
    static String unescape(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char next = v.charAt(i + 1);
                if (next == '"' || next == '\\' || next == ']') {
                    c = next;
                    i++;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
