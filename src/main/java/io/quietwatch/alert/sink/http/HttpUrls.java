package io.quietwatch.alert.sink.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks configured URLs and shows them without what might be secret (paths of webhook URLs often are). */
public final class HttpUrls {
    private HttpUrls() {
    }

    /**
     * Null when {@code value} is an absolute {@code http} or {@code https} URL with a host, no user
     * info and no fragment; else the problem, starting with {@code key}.
     */
    public static String problem(String key, String value) {
        if (value == null || value.isBlank()) {
            return key + ": is required";
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return key + ": '" + AlertText.oneLine(value, 100) + "' is not a URL (" + e.getReason() + ")";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return key + ": must start with https:// or http://";
        }
        if (uri.getHost() == null) {
            return key + ": has no host name";
        }
        if (uri.getRawUserInfo() != null) {
            return key + ": must not contain a user name or password; use the credential settings";
        }
        if (uri.getRawFragment() != null) {
            return key + ": must not contain a #fragment";
        }
        return null;
    }

    /** {@code base} (a checked URL, perhaps with a context path) followed by {@code path}. */
    public static URI join(String base, String path) {
        String b = base.strip();
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == '/') {
            end--;
        }
        return URI.create(b.substring(0, end) + path);
    }

    /**
     * {@code scheme://host[:port]}, followed by {@code /…} when there is a path or query: enough to
     * tell endpoints apart in logs without printing tokens that some services put in the path.
     */
    public static String display(URI uri) {
        StringBuilder sb = new StringBuilder().append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            sb.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
            sb.append("/\u2026");
        }
        return sb.toString();
    }

    /** {@link #display(URI)} of a configured URL string, or {@code (invalid URL)}. */
    public static String display(String url) {
        if (url == null) {
            return "(none)";
        }
        try {
            URI uri = new URI(url.strip());
            return uri.getScheme() == null || uri.getHost() == null ? "(invalid URL)" : display(uri);
        } catch (URISyntaxException e) {
            return "(invalid URL)";
        }
    }
}
