package io.quietwatch.alert.sink.pagerduty;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.sink.http.AlertFacts;
import io.quietwatch.alert.sink.http.AlertRef;
import io.quietwatch.alert.sink.http.AlertText;
import io.quietwatch.alert.sink.http.JsonBodies;

import java.time.Instant;
import java.util.Map;

/**
 * The Events API v2 {@code trigger} event for an alert. The alert id is the {@code dedup_key}, so a
 * redelivered alert joins the open incident instead of opening a second one.
 */
final class PagerDutyEvent {
    /** PagerDuty cuts {@code payload.summary} at 1024 characters; we cut first and say so. */
    static final int MAX_SUMMARY = 1024;

    private PagerDutyEvent() {
    }

    static ObjectNode of(Alert a, String routingKey, PagerDutySinkConfig config) {
        ObjectNode event = JsonBodies.object();
        event.put("routing_key", routingKey);
        event.put("event_action", "trigger");
        event.put("dedup_key", AlertRef.of(a));
        event.put("client", "QuietWatch");
        if (config.clientUrl() != null) {
            event.put("client_url", config.clientUrl());
        }
        ObjectNode payload = event.putObject("payload");
        payload.put("summary", AlertFacts.title(a, MAX_SUMMARY));
        payload.put("source", AlertFacts.sourceHost(a));
        payload.put("severity", severity(a.severity()));
        payload.put("timestamp", Instant.ofEpochMilli(a.timestamp()).toString());
        if (a.rule() != null) {
            payload.put("component", AlertText.oneLine(a.rule(), 255));
        }
        if (config.group() != null) {
            payload.put("group", config.group());
        }
        payload.put("class", AlertText.oneLine(a.detection(), 255));
        details(a, payload.putObject("custom_details"));
        return event;
    }

    /** critical → critical, high → error, medium → warning, low → info. */
    static String severity(AlertSeverity s) {
        switch (s) {
            case CRITICAL:
                return "critical";
            case HIGH:
                return "error";
            case MEDIUM:
                return "warning";
            default:
                return "info";
        }
    }

    private static void details(Alert a, ObjectNode d) {
        d.put("alert_id", a.id());
        d.put("detection", a.detection());
        putIf(d, "rule", a.rule());
        putIf(d, "reason", a.reason());
        putIf(d, "host_ip", a.hostIp());
        putIf(d, "user_name", a.userName());
        putIf(d, "destination", AlertFacts.destination(a));
        d.put("first_seen", Instant.ofEpochMilli(a.firstSeen()).toString());
        d.put("last_seen", Instant.ofEpochMilli(a.lastSeen()).toString());
        d.put("count", a.count());
        if (!a.details().isEmpty()) {
            ObjectNode more = d.putObject("details");
            for (Map.Entry<String, Object> e : a.details().entrySet()) {
                more.set(e.getKey(), JsonBodies.tree(e.getValue()));
            }
        }
        ArrayNode evidence = d.putArray("evidence");
        AlertFacts.evidenceLines(a).forEach(evidence::add);
    }

    private static void putIf(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }
}
