package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;

/**
 * Whether the proxy let a request through, from Squid's result code ({@code %Ss}: {@code TCP_MISS},
 * {@code TCP_DENIED}, {@code TCP_DENIED_REPLY}, {@code UDP_DENIED}, ...), the HTTP status and the
 * hierarchy code ({@code %Sh}: {@code HIER_DIRECT}, {@code HIER_NONE}, {@code FIRST_PARENT_MISS}, ...).
 *
 * <p>Denied: a result code containing {@code DENIED}, or a 403 the proxy answered itself (Squid
 * SquidFaq/SquidLogs: {@code HIER_NONE}/{@code NONE} means no server or peer was asked, so the 403
 * did not come from one). A 403 served from the cache ({@code TCP_HIT}, {@code TCP_NEGATIVE_HIT}) is
 * an origin's answer and stays allowed. A line without a hierarchy code (common format without
 * Squid's trailing {@code %Ss:%Sh}) names no upstream, so its 403 counts as the proxy's.
 */
final class SquidResult {
    private static final int FORBIDDEN = 403;

    private SquidResult() {
    }

    /** {@code denied} or {@code allowed}. */
    static String outcome(String action, Integer status, String hierarchy) {
        if (action != null && action.contains("DENIED")) {
            return LogEvent.DENIED;
        }
        if (status != null && status == FORBIDDEN && !upstream(hierarchy)
                && (action == null || !action.contains("HIT"))) {
            return LogEvent.DENIED;
        }
        return LogEvent.ALLOWED;
    }

    /** Whether the hierarchy code says a server or peer was contacted (false when unknown). */
    static boolean upstream(String hierarchy) {
        return hierarchy != null && !hierarchy.equals("NONE") && !hierarchy.equals("HIER_NONE")
                && !hierarchy.equals("-");
    }

    /** The HTTP status, or null for Squid's {@code 000} ("no reply was sent"). */
    static Integer status(long value) {
        return value <= 0 ? null : Integer.valueOf((int) value);
    }
}
