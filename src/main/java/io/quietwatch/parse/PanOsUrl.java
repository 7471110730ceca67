package io.quietwatch.parse;

/**
 * The parts of a URL as PAN-OS logs it: usually without a scheme ({@code www.example.com/dl/a.exe?x=1};
 * HTTPS sessions log just {@code host/}), sometimes with one, possibly with a port, user info or an
 * IPv6 literal in brackets.
 */
final class PanOsUrl {
    private PanOsUrl() {
    }

    /** The host part, or null when there is none. */
    static String domain(String url) {
        int hostFrom = hostStart(url);
        int hostTo = pathStart(url, hostFrom);
        int at = url.lastIndexOf('@', hostTo - 1);
        if (at >= hostFrom) {
            hostFrom = at + 1;
        }
        if (hostFrom < hostTo && url.charAt(hostFrom) == '[') {
            int close = url.indexOf(']', hostFrom);
            hostTo = close >= 0 && close < hostTo ? close + 1 : hostTo;
        } else {
            int colon = url.lastIndexOf(':', hostTo - 1);
            if (colon >= hostFrom) {
                hostTo = colon;
            }
        }
        return hostFrom < hostTo ? url.substring(hostFrom, hostTo) : null;
    }

    /** The last path segment when it looks like a file ({@code name.ext}), else null. */
    static String fileName(String url) {
        int path = pathStart(url, hostStart(url));
        if (path >= url.length() || url.charAt(path) != '/') {
            return null;
        }
        int end = path;
        while (end < url.length() && url.charAt(end) != '?' && url.charAt(end) != '#') {
            end++;
        }
        return segment(url, url.lastIndexOf('/', end - 1) + 1, end);
    }

    /** The name after the last {@code /} or backslash of a file path, or null when it ends in one. */
    static String lastSegment(String path) {
        int from = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
        if (from == 0) {
            return path;
        }
        return from < path.length() ? path.substring(from) : null;
    }

    private static String segment(String s, int from, int to) {
        int dot = s.lastIndexOf('.', to - 1);
        if (dot <= from || dot >= to - 1) {
            return null;
        }
        return s.substring(from, to);
    }

    private static int hostStart(String url) {
        int scheme = url.indexOf("://");
        if (scheme <= 0) {
            return 0;
        }
        for (int i = 0; i < scheme; i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return 0;
            }
        }
        return scheme + 3;
    }

    private static int pathStart(String url, int from) {
        int i = from;
        while (i < url.length()) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
            i++;
        }
        return i;
    }
}
