package io.quietwatch.parse;

import java.util.Locale;

/**
 * The parts of a URL that URL Filtering and Application Control logs give in {@code resource}: the host
 * ({@code url.domain}) and the last path segment when it names a file ({@code file.name}).
 */
final class CheckPointUrl {
    private CheckPointUrl() {
    }

    /** The host of {@code url} in lower case, without user info, port or IPv6 brackets; null if none. */
    static String domain(String url) {
        if (url == null) {
            return null;
        }
        int start = authorityStart(url);
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        if (at >= start) {
            start = at + 1;
        }
        if (start < end && url.charAt(start) == '[') {
            int close = url.indexOf(']', start);
            return close > start + 1 && close < end ? url.substring(start + 1, close).toLowerCase(Locale.ROOT) : null;
        }
        int colon = url.indexOf(':', start);
        if (colon >= 0 && colon < end) {
            end = colon;
        }
        return host(url, start, end) ? url.substring(start, end).toLowerCase(Locale.ROOT) : null;
    }

    /** The last path segment of {@code url} when it looks like a file name ({@code setup.exe}); else null. */
    static String fileName(String url) {
        if (url == null) {
            return null;
        }
        int start = authorityStart(url);
        int pathFrom = start;
        while (pathFrom < url.length() && "/?#".indexOf(url.charAt(pathFrom)) < 0) {
            pathFrom++;
        }
        if (pathFrom >= url.length() || url.charAt(pathFrom) != '/') {
            return null;
        }
        int end = pathFrom;
        while (end < url.length() && url.charAt(end) != '?' && url.charAt(end) != '#') {
            end++;
        }
        int slash = url.lastIndexOf('/', end - 1);
        int dot = url.lastIndexOf('.', end - 1);
        return dot > slash + 1 && dot < end - 1 ? url.substring(slash + 1, end) : null;
    }

    /** True when {@code s[from, to)} can be a host name or address: letters, digits, '.', '-', '_'. */
    static boolean host(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                    || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static int authorityStart(String url) {
        int scheme = url.indexOf("://");
        return scheme >= 0 && scheme < 16 ? scheme + 3 : 0;
    }
}
