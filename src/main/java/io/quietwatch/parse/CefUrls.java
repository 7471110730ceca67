package io.quietwatch.parse;

/**
 * The host and file name of a URL as proxies log it: with a scheme ({@code http://h:8080/a/b.exe?x}),
 * without one ({@code h/a/b.exe}, Zscaler's {@code eurl}), or as a bare path ({@code /a/b.exe}, which
 * has no host).
 */
final class CefUrls {
    private static final int MAX_SCHEME = 16;

    private CefUrls() {
    }

    /** The host part, without user info, port or IPv6 brackets; null when the URL names none. */
    static String domain(String url) {
        int start = authorityStart(url);
        if (start < 0) {
            return null;
        }
        int end = authorityEnd(url, start);
        int at = url.lastIndexOf('@', end - 1);
        if (at >= start) {
            start = at + 1;
        }
        if (start < end && url.charAt(start) == '[') {
            int close = url.indexOf(']', start);
            return close > start + 1 && close < end ? url.substring(start + 1, close) : null;
        }
        int colon = url.indexOf(':', start);
        if (colon >= 0 && colon < end) {
            end = colon;
        }
        return end > start ? url.substring(start, end) : null;
    }

    /** The last path segment when it looks like a file ({@code name.ext}), else null. */
    static String fileName(String url) {
        int start = authorityStart(url);
        int path = start < 0 ? 0 : authorityEnd(url, start);
        int end = path;
        while (end < url.length() && url.charAt(end) != '?' && url.charAt(end) != '#') {
            end++;
        }
        int slash = url.lastIndexOf('/', end - 1);
        if (slash < path) {
            return null;
        }
        int dot = url.lastIndexOf('.', end - 1);
        return dot > slash + 1 && dot < end - 1 ? url.substring(slash + 1, end) : null;
    }

    /** Index after {@code scheme://}, 0 for a scheme-less {@code host/path}, -1 for a bare path. */
    private static int authorityStart(String url) {
        int sep = url.indexOf("://");
        if (sep > 0 && sep <= MAX_SCHEME && scheme(url, sep)) {
            return sep + 3;
        }
        if (url.isEmpty() || url.charAt(0) == '/' || url.charAt(0) == '?' || url.charAt(0) == '#') {
            return -1;
        }
        return 0;
    }

    private static int authorityEnd(String url, int start) {
        int i = start;
        while (i < url.length()) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == ' ') {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean scheme(String url, int end) {
        for (int i = 0; i < end; i++) {
            char c = url.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }
}
