package io.quietwatch.web;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertJson;
import io.quietwatch.store.AlertStore;

import java.util.LinkedHashMap;
import java.util.Map;

/** Alerts as the API shows them: a short row for lists, the whole alert with its evidence for the detail view. */
final class AlertRows {
    private AlertRows() {
    }

    static Map<String, Object> row(AlertStore.StoredAlert s) {
        Alert a = s.alert();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", a.id());
        row.put("detection", a.detection());
        row.put("rule", a.rule());
        row.put("severity", a.severity().word());
        row.put("title", a.title());
        row.put("timestamp", a.timestamp());
        row.put("first_seen", a.firstSeen());
        row.put("last_seen", a.lastSeen());
        row.put("count", a.count());
        row.put("host_ip", a.hostIp());
        row.put("user_name", a.userName());
        row.put("destination_ip", a.destinationIp());
        row.put("destination_port", a.destinationPort());
        acknowledgement(s, row);
        return row;
    }

    /** The alert's JSON form ({@link AlertJson}) with the acknowledgement. */
    static Map<String, Object> detail(AlertStore.StoredAlert s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("alert", Json.tree(AlertJson.toJson(s.alert())));
        acknowledgement(s, out);
        return out;
    }

    private static void acknowledgement(AlertStore.StoredAlert s, Map<String, Object> row) {
        row.put("acknowledged", s.acknowledged());
        row.put("acknowledged_at", s.acknowledgedAt());
        row.put("acknowledged_by", s.acknowledgedBy());
    }
}
