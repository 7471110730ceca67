package io.quietwatch.web;

import io.quietwatch.store.AlertStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** "Executable downloads": the executable-download rule's alerts from the store, newest first, with URL and type. */
final class DownloadsPanel {
    static final int MAX_ROWS = 100;

    private final AlertStore store;

    DownloadsPanel(AlertStore store) {
        this.store = store;
    }

    List<Map<String, Object>> downloads() {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (store == null) {
            return rows;
        }
        for (AlertStore.StoredAlert s : store.find(new AlertStore.AlertQuery("executable-download", null, null, null, null, MAX_ROWS))) {
            Map<String, Object> row = AlertRows.row(s);
            Map<String, Object> d = s.alert().details();
            row.put("url", d.get("url"));
            row.put("media_type", d.get("mediaType"));
            row.put("extension", d.get("extension"));
            row.put("type_mismatch", d.get("typeMismatch"));
            rows.add(row);
        }
        return rows;
    }
}
