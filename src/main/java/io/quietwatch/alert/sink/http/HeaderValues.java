package io.quietwatch.alert.sink.http;

import java.util.Locale;
import java.util.Set;

/**
 * Checks for HTTP header names and values that come from configuration. Nothing from an alert is
 * ever put in a header; these checks keep a configured value from smuggling a second header in
 * (RFC 9110 section 5.5: CR, LF and NUL are never allowed in a field value).
 */
public final class HeaderValues {
    /** Headers the JDK client sets itself or refuses, and that no configuration may set. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");

    private HeaderValues() {
    }

    /** Null when {@code value} is usable as a header value, else why not. */
    public static String valueProblem(String value) {
        if (value == null) {
            return "is missing";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                return "contains a line break";
            }
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return "contains a control character";
            }
        }
        return null;
    }

    /** Null when {@code name} is a header name a configuration may set, else why not. */
    public static String nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "a header name must not be empty";
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i))) {
                return "'" + AlertText.oneLine(name, 80) + "' is not a header name";
            }
        }
        if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
            return "'" + name + "' is set by the HTTP client and cannot be configured";
        }
        return null;
    }

    /** RFC 9110 section 5.6.2 token characters. */
    private static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
