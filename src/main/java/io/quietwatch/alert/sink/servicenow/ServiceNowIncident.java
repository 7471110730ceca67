package io.quietwatch.alert.sink.servicenow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.sink.http.AlertFacts;
import io.quietwatch.alert.sink.http.AlertRef;
import io.quietwatch.alert.sink.http.AlertText;
import io.quietwatch.alert.sink.http.JsonBodies;

import java.util.List;

/**
 * The incident record for an alert. {@code description} is a plain-text field, shown as typed: the
 * reason, one {@code Label: value} line per fact, then the evidence lines. Urgency and impact follow
 * ServiceNow's default priority matrix: critical 1/1 (P1), high 1/2 (P2), medium 2/2 (P3), low 3/2 (P4).
 */
final class ServiceNowIncident {
    /** {@code short_description} is a 160-character field. */
    static final int MAX_SHORT = 160;
    /** Kept under the default 4,000-character limit of {@code description}. */
    static final int MAX_DESCRIPTION = 3900;

    private ServiceNowIncident() {
    }

    static ObjectNode of(Alert a, ServiceNowSinkConfig config) {
        ObjectNode r = JsonBodies.object();
        r.put("short_description", AlertFacts.title(a, MAX_SHORT));
        r.put("description", description(a));
        r.put("urgency", urgency(a.severity()));
        r.put("impact", impact(a.severity()));
        r.put("correlation_id", AlertRef.of(a));
        r.put("correlation_display", "QuietWatch");
        putIf(r, "caller_id", config.callerId());
        putIf(r, "assignment_group", config.assignmentGroup());
        putIf(r, "category", config.category());
        return r;
    }

    static String urgency(AlertSeverity s) {
        return s == AlertSeverity.CRITICAL || s == AlertSeverity.HIGH ? "1" : s == AlertSeverity.MEDIUM ? "2" : "3";
    }

    static String impact(AlertSeverity s) {
        return s == AlertSeverity.CRITICAL ? "1" : "2";
    }

    static String description(Alert a) {
        StringBuilder sb = new StringBuilder(1024);
        if (a.reason() != null && !a.reason().isBlank()) {
            sb.append(AlertText.oneLine(a.reason(), 1000)).append("\n\n");
        }
        for (AlertFacts.Fact f : AlertFacts.of(a)) {
            sb.append(f.label()).append(": ").append(f.value()).append('\n');
        }
        List<String> lines = AlertFacts.evidenceLines(a);
        if (!lines.isEmpty()) {
            sb.append("\nEvidence:\n");
            lines.forEach(l -> sb.append(l).append('\n'));
        }
        return AlertText.cut(sb.toString(), MAX_DESCRIPTION);
    }

    private static void putIf(ObjectNode o, String key, String value) {
        if (value != null && !value.isBlank()) {
            o.put(key, value);
        }
    }
}
