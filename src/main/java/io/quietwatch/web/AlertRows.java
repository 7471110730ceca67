package io.quietwatch.web;

import io.quietwatch.alert.Alert;
import io.quietwatch.store.AlertStore;
import io.quietwatch.store.StoredAlertJson;

import java.util.LinkedHashMap;
import java.util.Map;

/** Alerts as the API lists them: one short row each (the detail view has the whole alert, {@code StoredAlertJson}). */
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
        row.put("acknowledged", StoredAlertJson.acknowledgement(s));
        return row;
    }
}
