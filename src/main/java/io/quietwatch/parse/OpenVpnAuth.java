package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

import static io.quietwatch.parse.OpenVpnLog.word;

/**
 * The OpenVPN log messages that accept or refuse a client: {@code TLS Auth Error: ...},
 * {@code SENT CONTROL [cn]: 'AUTH_FAILED[,reason]' (status=1)} (and a client's own {@code AUTH:
 * Received control message: AUTH_FAILED}), {@code VERIFY ERROR: depth=0, error=e: ... CN=cn},
 * {@code TLS: Username/Password authentication succeeded for username 'u'}, and the verdicts of the
 * pfSense and OPNsense authentication script ({@code user 'u' authenticated}, {@code user 'u' could
 * not authenticate.}), which those systems log under the openvpn tag.
 */
final class OpenVpnAuth {
    private static final String AUTH_ERROR = "TLS Auth Error";
    private static final String SENT_CONTROL = "SENT CONTROL [";
    private static final String AUTH_FAILED = "AUTH_FAILED";
    private static final String CLIENT_AUTH_FAILED = "AUTH: Received control message: AUTH_FAILED";
    private static final String VERIFY_ERROR = "VERIFY ERROR: ";
    private static final String AUTH_SUCCEEDED = "TLS: Username/Password authentication succeeded for username '";
    private static final String COMMON_NAME = "for common name '";
    private static final String SCRIPT_USER = "ser '";

    private OpenVpnAuth() {
    }

    /** Reads a refusal or an acceptance into {@code b}; false when the line is neither. */
    static boolean verdict(String s, OpenVpnLine line, LogEventBuilder b) {
        int q = line.body;
        if (s.startsWith(AUTH_ERROR, q)) {
            int colon = s.indexOf(": ", q);
            denied(b, "auth-error").reason(colon < 0 || colon > line.end ? null : word(s, colon + 2, line.end));
            String named = quoted(s, s.indexOf(COMMON_NAME, q), COMMON_NAME.length(), line.end);
            if (named != null) {
                b.userName(named);
            }
        } else if (s.startsWith(SENT_CONTROL, q) && s.indexOf(AUTH_FAILED, q) > 0) {
            authFailed(s, line, b);
        } else if (s.startsWith(CLIENT_AUTH_FAILED, q)) {
            denied(b, "auth-failed");
        } else if (s.startsWith(VERIFY_ERROR, q)) {
            verifyError(s, line, b);
        } else if (s.startsWith(AUTH_SUCCEEDED, q)) {
            b.action("auth-succeeded").outcome(LogEvent.ALLOWED)
                    .userName(quoted(s, q, AUTH_SUCCEEDED.length(), line.end));
        } else if (line.peer == null && (s.startsWith("u", q) || s.startsWith("U", q))
                && s.startsWith(SCRIPT_USER, q + 1)) {
            return scriptUser(s, line, b);
        } else {
            return false;
        }
        return true;
    }

    /** {@code SENT CONTROL [cn]: 'AUTH_FAILED[,reason]' (status=1)}: the server refused the client. */
    private static void authFailed(String s, OpenVpnLine line, LogEventBuilder b) {
        int q = line.body;
        int close = s.indexOf(']', q);
        String name = close < 0 ? null : OpenVpnStatus.name(word(s, q + SENT_CONTROL.length(), close));
        int failed = s.indexOf(AUTH_FAILED, q) + AUTH_FAILED.length();
        int quote = s.indexOf('\'', failed);
        String reason = failed < line.end && s.charAt(failed) == ','
                ? word(s, failed + 1, quote < 0 || quote > line.end ? line.end : quote) : null;
        denied(b, "auth-failed").reason(reason).userName(name != null ? name : line.name);
    }

    /** {@code VERIFY ERROR: depth=0, error=certificate has expired: CN=jdoe}: the client certificate was refused. */
    private static void verifyError(String s, OpenVpnLine line, LogEventBuilder b) {
        int error = s.indexOf("error=", line.body);
        int colon = error < 0 ? -1 : s.indexOf(':', error);
        denied(b, "verify-error").reason(error < 0 ? null : word(s, error + 6, colon < 0 ? line.end : colon));
        int cn = s.indexOf("CN=", line.body);
        // only the client's own certificate (depth 0) names the client
        if (cn > 0 && s.startsWith("depth=0", line.body + VERIFY_ERROR.length())) {
            int comma = s.indexOf(',', cn);
            b.userName(word(s, cn + 3, comma < 0 || comma > line.end ? line.end : comma));
        }
    }

    /** {@code user 'u' authenticated [using 'db']} or {@code user 'u' could not authenticate.} */
    private static boolean scriptUser(String s, OpenVpnLine line, LogEventBuilder b) {
        int nameStart = line.body + 1 + SCRIPT_USER.length();
        int close = s.indexOf('\'', nameStart);
        if (close < 0 || close >= line.end) {
            return false;
        }
        String user = close > nameStart ? s.substring(nameStart, close) : null;
        if (s.startsWith("' authenticated", close)) {
            b.action("auth-succeeded").outcome(LogEvent.ALLOWED).userName(user);
        } else if (s.startsWith("' could not authenticate", close)) {
            denied(b, "auth-failed").userName(user);
        } else {
            return false;
        }
        return true;
    }

    private static LogEventBuilder denied(LogEventBuilder b, String action) {
        return b.action(action).outcome(LogEvent.DENIED);
    }

    /** The text from {@code at + skip} to the next quote; null when {@code at} is -1 or there is none. */
    private static String quoted(String s, int at, int skip, int end) {
        if (at < 0) {
            return null;
        }
        int close = s.indexOf('\'', at + skip);
        return close < 0 || close > end ? null : word(s, at + skip, close);
    }
}
