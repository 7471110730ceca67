package io.quietwatch.parse;

import io.quietwatch.event.LogEventBuilder;

/**
 * What a logged request URL says about the destination: the host ({@code url.domain}, lower case,
 * without user info, port or IPv6 brackets), the port (written, else the scheme's default) and the
 * file name (the last path segment when it has an extension). Three URL shapes occur: absolute
 * ({@code http://host:port/path?query}), authority ({@code host:port}, what CONNECT requests log) and
 * origin ({@code /path}, what an accelerator or web server logs). Other text ({@code error:invalid-request},
 * a cut-off URL) gives what can be read and never an error: the URL is kept as logged either way.
 */
final class SquidUrl {
    private static final int MAX_SCHEME = 16;
    private static final int MAX_EXTENSION = 10;
    /** {@link #authority} found no {@code :port} at all (as opposed to an unreadable one, -1). */
    private static final int NO_PORT = -2;

    private SquidUrl() {
    }

    /**
     * Fills {@code urlDomain}, {@code destinationPort} and {@code fileName} from {@code url}.
     *
     * @param connect whether the request was a CONNECT, whose target is {@code host:port}
     * @return the port the URL names or implies, or -1
     */
    static int read(String url, boolean connect, LogEventBuilder b) {
        int schemeEnd = schemeEnd(url);
        if (schemeEnd > 0) {
            int hostFrom = schemeEnd + 3;
            int pathFrom = authorityEnd(url, hostFrom);
            int port = authority(url, hostFrom, pathFrom, b);
            if (port == NO_PORT) {
                port = defaultPort(url, schemeEnd);
            }
            b.destinationPort(port < 0 ? null : port);
            b.fileName(fileName(url, pathFrom));
            return port;
        }
        if (connect) {
            int port = Math.max(-1, authority(url, 0, authorityEnd(url, 0), b));
            b.destinationPort(port < 0 ? null : port);
            return port;
        }
        if (url.startsWith("/")) {
            b.fileName(fileName(url, 0));
        }
        return -1;
    }

    /** Index of the {@code :} of a leading {@code scheme://}, or -1. */
    private static int schemeEnd(String url) {
        int n = Math.min(url.length(), MAX_SCHEME + 1);
        for (int i = 0; i < n; i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return i > 0 && url.startsWith("//", i + 1) ? i : -1;
            }
            // '_' is not in RFC 3986 schemes, but Squid logs its own cache_object://
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9'
                    || c == '+' || c == '-' || c == '.' || c == '_'))) {
                return -1;
            }
        }
        return -1;
    }

    private static int authorityEnd(String url, int from) {
        int i = from;
        while (i < url.length()) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * Sets the domain of {@code [userinfo@]host[:port]} in {@code url[from, to)}; returns the port, -1 when
     * it is unreadable, {@link #NO_PORT} when none is written.
     */
    private static int authority(String url, int from, int to, LogEventBuilder b) {
        int at = url.lastIndexOf('@', to - 1);
        int hostFrom = at >= from ? at + 1 : from;
        int hostTo = to;
        int port = NO_PORT;
        if (hostFrom < to && url.charAt(hostFrom) == '[') {
            int close = url.indexOf(']', hostFrom);
            if (close < 0 || close >= to) {
                return -1;
            }
            hostTo = close + 1;
            port = hostTo < to ? port(url, hostTo, to) : NO_PORT;
            hostFrom++;
            hostTo--;
        } else {
            int colon = url.indexOf(':', hostFrom);
            if (colon >= 0 && colon < to) {
                hostTo = colon;
                port = port(url, colon, to);
            }
        }
        if (hostTo > hostFrom) {
            b.urlDomain(domain(url.substring(hostFrom, hostTo)));
        }
        return port;
    }

    /** The port after the {@code :} at {@code colon}, up to {@code to}; -1 when it is not one, {@link #NO_PORT} when empty. */
    private static int port(String url, int colon, int to) {
        if (colon + 1 == to) {
            return NO_PORT;
        }
        if (colon >= to || url.charAt(colon) != ':' || to - colon - 1 > 5) {
            return -1;
        }
        long port = SquidText.number(url, colon + 1, to);
        return port > 0xffff ? -1 : (int) port;
    }

    private static int defaultPort(String url, int schemeEnd) {
        if (schemeEnd == 4 && url.regionMatches(true, 0, "http", 0, 4)
                || schemeEnd == 2 && url.regionMatches(true, 0, "ws", 0, 2)) {
            return 80;
        }
        if (schemeEnd == 5 && url.regionMatches(true, 0, "https", 0, 5)
                || schemeEnd == 3 && url.regionMatches(true, 0, "wss", 0, 3)) {
            return 443;
        }
        if (schemeEnd == 3 && url.regionMatches(true, 0, "ftp", 0, 3)) {
            return 21;
        }
        return -1;
    }

    private static String domain(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return SquidText.lowerAscii(host);
            }
        }
        return host;
    }

    /** The last segment of the path starting at {@code from} when it has an extension, else null. */
    static String fileName(String url, int from) {
        int end = from;
        int n = url.length();
        while (end < n) {
            char c = url.charAt(end);
            if (c == '?' || c == '#' || c == ';') {
                break;
            }
            end++;
        }
        int slash = url.lastIndexOf('/', end - 1);
        if (slash < from) {
            return null;
        }
        int start = slash + 1;
        int dot = url.lastIndexOf('.', end - 1);
        if (dot <= start || end - dot - 1 < 1 || end - dot - 1 > MAX_EXTENSION) {
            return null;
        }
        for (int i = dot + 1; i < end; i++) {
            if (!Character.isLetterOrDigit(url.charAt(i))) {
                return null;
            }
        }
        return url.substring(start, end);
    }
}
