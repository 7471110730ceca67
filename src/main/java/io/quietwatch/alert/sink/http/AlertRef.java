package io.quietwatch.alert.sink.http;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertIds;

/**
 * The alert id as receivers store it: in an {@code Idempotency-Key} header, a Jira label, a
 * ServiceNow {@code correlation_id} (at most 100 characters), a query. Ids made by {@link AlertIds}
 * (32 hex digits) pass unchanged; any other id that is not 1 to 64 of {@code [A-Za-z0-9._-]} is
 * replaced by {@code x} and the {@link AlertIds} hash of it, so that it stays stable and safe.
 */
public final class AlertRef {
    private static final int MAX = 64;

    private AlertRef() {
    }

    /** The receiver-safe form of the alert's id. */
    public static String of(Alert alert) {
        return of(alert.id());
    }

    /**
     * The receiver-safe form of the alert's delivery key: the id for the first alert of an incident,
     * {@code <id>-r<n>} for later ones (an escalation, a summary), so a receiver drops redeliveries but
     * not news about the incident.
     */
    public static String delivery(Alert alert) {
        return of(alert.deliveryKey());
    }

    /** The receiver-safe form of {@code id}. */
    public static String of(String id) {
        if (safe(id)) {
            return id;
        }
        return "x" + AlertIds.of("quietwatch-alert-ref", id);
    }

    private static boolean safe(String id) {
        if (id.isEmpty() || id.length() > MAX) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
