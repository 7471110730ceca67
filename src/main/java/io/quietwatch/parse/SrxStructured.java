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
            int keyFrom = i;
            int hash = 0;
            char c = 0;
            while (i < n && (c = s.charAt(i)) != '=' && c != ' ' && c != ']') {
                hash = 31 * hash + c;
                i++;
            }
            int keyTo = i;
            if (i >= n || c != '=') {
                return "parameter '" + s.substring(keyFrom, keyTo) + "' has no value";
            }
            int valueFrom = ++i;
            int valueTo;
            if (i < n && s.charAt(i) == '"') {
                valueFrom = i + 1;
                valueTo = closingQuote(s, valueFrom);
                if (valueTo < 0) {
                    return "value of '" + s.substring(keyFrom, keyTo) + "' is not closed (line cut off?)";
                }
                i = valueTo + 1;
            } else {
                while (i < n && s.charAt(i) != ' ' && s.charAt(i) != ']') {
                    i++;
                }
                valueTo = i;
            }
            int id = SrxKeys.lookup(hash, s, keyFrom, keyTo);
            if (id >= 0) {
                out.set(id, valueFrom, valueTo);
            }
        }
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
}
