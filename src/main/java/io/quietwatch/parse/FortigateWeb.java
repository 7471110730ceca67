package io.quietwatch.parse;

import java.util.Locale;

import static io.quietwatch.parse.FortigateKeys.SERVICE;

/**
 * The web fields of UTM logs (web filter, application control, IPS, antivirus, DLP). The web filter
 * logs the host in {@code hostname} and only the path in {@code url}; antivirus and DLP log a whole
 * URL. {@code method} in a web filter log is the rating method (domain, ip, ...) and {@code reqtype}
 * is direct or referral, so the HTTP method comes only from {@code httpmethod} or the extended-log
 * {@code rawdata="Method=GET|User-Agent=...|Response-Content-Type=..."}.
 */
final class FortigateWeb {
    private static final int HTTPS_PORT = 443;
    private static final int MAX_EXTENSION = 8;

    private FortigateWeb() {
    }

    /** Whether the site was reached over HTTPS: port 443 or {@code service=HTTPS}. */
    static boolean https(FortigateFields f, Integer destinationPort) {
        return destinationPort != null && destinationPort == HTTPS_PORT || f.is(SERVICE, "https");
    }

    /** A value from its own key, else from the {@code rawdata} header of that name. */
    static String header(FortigateFields f, int id, String raw, String name) {
        String value = f.text(id);
        return value != null ? value : raw(raw, name);
    }

    /** The URL as logged when it is absolute, else scheme://host + path. */
    static String url(String host, String logged, boolean https) {
        if (logged != null && schemeEnd(logged) > 0) {
            return logged;
        }
        if (host == null) {
            return logged;
        }
        StringBuilder sb = new StringBuilder(host.length() + (logged == null ? 0 : logged.length()) + 12);
        sb.append(https ? "https://" : "http://");
        boolean ipv6 = host.indexOf(':') != host.lastIndexOf(':') && host.charAt(0) != '[';
        if (ipv6) {
            sb.append('[').append(host).append(']');
        } else {
            sb.append(host);
        }
        if (logged != null && !logged.isEmpty()) {
            if (logged.charAt(0) != '/') {
                sb.append('/');
            }
            sb.append(logged);
        }
        return sb.toString();
    }

    /** The host name without a port, from {@code hostname} or else from an absolute URL. */
    static String domain(String host, String logged) {
        String h = host;
        if (h == null && logged != null) {
            int start = schemeEnd(logged);
            if (start < 0) {
                return null;
            }
            int end = start;
            while (end < logged.length() && "/?#".indexOf(logged.charAt(end)) < 0) {
                end++;
            }
            h = logged.substring(start, end);
            int at = h.lastIndexOf('@');
            h = at >= 0 ? h.substring(at + 1) : h;
        }
        if (h == null || h.isEmpty()) {
            return null;
        }
        if (h.charAt(0) == '[') {
            int close = h.indexOf(']');
            return close > 1 ? h.substring(1, close) : h;
        }
        int colon = h.indexOf(':');
        return colon > 0 && colon == h.lastIndexOf(':') ? h.substring(0, colon) : h;
    }

    /** Index after {@code scheme://}, or -1 when the text does not start with a scheme. */
    private static int schemeEnd(String url) {
        int i = 0;
        while (i < url.length() && Character.isLetter(url.charAt(i))) {
            i++;
        }
        return i > 0 && url.startsWith("://", i) ? i + 3 : -1;
    }

    /** The value of {@code key} in a {@code rawdata} list {@code k=v|k=v}, or null. */
    static String raw(String rawdata, String key) {
        if (rawdata == null) {
            return null;
        }
        int at = 0;
        while ((at = rawdata.indexOf(key, at)) >= 0) {
            int eq = at + key.length();
            if ((at == 0 || rawdata.charAt(at - 1) == '|') && eq < rawdata.length() && rawdata.charAt(eq) == '=') {
                int end = rawdata.indexOf('|', eq);
                String value = rawdata.substring(eq + 1, end < 0 ? rawdata.length() : end).trim();
                return value.isEmpty() ? null : value;
            }
            at = eq;
        }
        return null;
    }

    /** The MIME type without parameters, lower case. */
    static String mime(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        String type = (semi >= 0 ? contentType.substring(0, semi) : contentType).trim();
        return type.isEmpty() ? null : type.toLowerCase(Locale.ROOT);
    }

    /** The last path segment of a URL when it looks like a file ({@code name.ext}), else null. */
    static String fileName(String url) {
        if (url == null) {
            return null;
        }
        int path = schemeEnd(url);
        if (path > 0) {
            path = url.indexOf('/', path);
            if (path < 0) {
                return null;
            }
        } else {
            path = 0;
        }
        int end = url.length();
        for (int i = path; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        int start = url.lastIndexOf('/', end - 1) + 1;
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
