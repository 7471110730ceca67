package io.quietwatch.parse;

/**
 * The URL, domain and file name of an http.log record. Zeek logs the request's {@code Host} header
 * (with any port, per Zeek issue #1844) and its URI separately; the URL is {@code http://} + host + URI
 * for the usual origin-form URI ({@code /path?query}). A URI in absolute form (a request to a proxy)
 * is already the URL, and CONNECT's authority form ({@code host:443}) is kept as logged, as proxies log
 * it. Without a {@code Host} header the responder's address stands in for the host.
 */
final class ZeekUrls {
    private static final int HTTP_PORT = 80;
    private static final int LONGEST_EXTENSION = 10;

    private ZeekUrls() {
    }

    /** The full URL, or null when the record has no URI. */
    static String url(String host, String uri, String method, String responder, Integer port) {
        if (uri == null) {
            return null;
        }
        if (uri.charAt(0) != '/' || "CONNECT".equals(method)) {
            return uri;
        }
        if (host != null) {
            return "http://" + host + uri;
        }
        if (responder == null) {
            return uri;
        }
        StringBuilder sb = new StringBuilder(16 + responder.length() + uri.length()).append("http://");
        if (responder.indexOf(':') >= 0) {
            sb.append('[').append(responder).append(']');
        } else {
            sb.append(responder);
        }
        if (port != null && port != HTTP_PORT) {
            sb.append(':').append(port.intValue());
        }
        return sb.append(uri).toString();
    }

    /** The host part of a URL, without user info and port ({@code [v6]} keeps its brackets), or null. */
    static String domain(String url) {
        if (url == null) {
            return null;
        }
        int from = authorityStart(url);
        int to = authorityEnd(url, from);
        int at = url.lastIndexOf('@', to - 1);
        if (at >= from) {
            from = at + 1;
        }
        if (from < to && url.charAt(from) == '[') {
            int close = url.indexOf(']', from);
            to = close >= 0 && close < to ? close + 1 : to;
        } else {
            int portColon = url.indexOf(':', from);
            if (portColon >= 0 && portColon < to && url.indexOf(':', portColon + 1) < 0) {
                to = portColon;
            }
        }
        return from < to ? url.substring(from, to) : null;
    }

    /** The last path segment when it looks like a file ({@code name.ext}), or null. */
    static String fileName(String url) {
        if (url == null) {
            return null;
        }
        int pathStart = authorityEnd(url, authorityStart(url));
        int end = url.length();
        for (int i = pathStart; i < end; i++) {
            char c = url.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        int slash = url.lastIndexOf('/', end - 1);
        if (slash < pathStart) {
            return null;
        }
        int dot = url.lastIndexOf('.', end - 1);
        if (dot <= slash + 1 || end - dot - 1 < 1 || end - dot - 1 > LONGEST_EXTENSION) {
            return null;
        }
        for (int i = dot + 1; i < end; i++) {
            if (!Character.isLetterOrDigit(url.charAt(i))) {
                return null;
            }
        }
        return url.substring(slash + 1, end);
    }

    private static int authorityStart(String url) {
        if (url.startsWith("/")) {
            return 0;
        }
        int scheme = url.indexOf("://");
        return scheme >= 0 ? scheme + 3 : 0;
    }

    /** Where the authority ends and the path begins; {@code from} for an origin-form URI. */
    private static int authorityEnd(String url, int from) {
        if (url.startsWith("/")) {
            return 0;
        }
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
}
