package io.quietwatch.alert.sink.syslog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-side CEF splitter, written from the ArcSight spec independently of the code under test: seven
 * header fields split at unescaped pipes, then {@code key=value} pairs where a key is a run of letters and
 * digits after a space and before an unescaped {@code =}.
 */
final class CefTestParser {
    /** A parsed record: {@code header} holds Version, Device Vendor, Product, Version, Event Class ID, Name, Severity. */
    record Cef(List<String> header, Map<String, String> extension) {
        String name() {
            return header.get(5);
        }

        String severity() {
            return header.get(6);
        }
    }

    private CefTestParser() {
    }

    /** Parses the CEF record that starts at {@code CEF:} in {@code message}. */
    static Cef parse(String message) {
        int start = message.indexOf("CEF:");
        if (start < 0) {
            throw new IllegalArgumentException("no CEF record in: " + message);
        }
        String s = message.substring(start + 4);
        List<String> header = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (header.size() < 7) {
            if (i >= s.length()) {
                throw new IllegalArgumentException("CEF header has only " + header.size() + " fields: " + message);
            }
            char c = s.charAt(i++);
            if (c == '\\' && i < s.length() && (s.charAt(i) == '|' || s.charAt(i) == '\\')) {
                field.append(s.charAt(i++));
            } else if (c == '|') {
                header.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        return new Cef(header, extension(s.substring(i)));
    }

    private static Map<String, String> extension(String s) {
        List<int[]> keys = new ArrayList<>(); // {keyStart, equalsIndex}
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=') {
                int k = i;
                while (k > 0 && Character.isLetterOrDigit(s.charAt(k - 1))) {
                    k--;
                }
                if (k == i || (k > 0 && s.charAt(k - 1) != ' ')) {
                    throw new IllegalArgumentException("unescaped '=' not after a key at " + i + ": " + s);
                }
                keys.add(new int[] {k, i});
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int n = 0; n < keys.size(); n++) {
            int[] key = keys.get(n);
            int end = n + 1 < keys.size() ? keys.get(n + 1)[0] - 1 : s.length();
            String name = s.substring(key[0], key[1]);
            if (out.put(name, unescape(s.substring(key[1] + 1, end))) != null) {
                throw new IllegalArgumentException("key " + name + " twice: " + s);
            }
        }
        return out;
    }

    private static String unescape(String v) {
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case '\\', '=' -> out.append(n);
                    default -> out.append('\\').append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
