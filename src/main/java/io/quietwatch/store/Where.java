package io.quietwatch.store;

import io.quietwatch.alert.AlertSeverity;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code WHERE} clause of an {@link AlertStore.AlertQuery}, with its values bound as parameters, never spliced. */
record Where(String sql, List<Object> values) {

    static Where of(AlertStore.AlertQuery q) {
        List<String> terms = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        add(terms, values, "detection = ?", q.detection());
        add(terms, values, "severity_rank >= ?",
                q.minSeverity() == null ? null : AlertSeverity.parse(q.minSeverity()).rank());
        add(terms, values, "host_ip = ?", q.hostIp());
        add(terms, values, "acknowledged = ?", q.acknowledged());
        add(terms, values, "ts >= ?", q.sinceMillis());
        return new Where(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), values);
    }

    private static void add(List<String> terms, List<Object> values, String term, Object value) {
        if (value != null) {
            terms.add(term);
            values.add(value);
        }
    }

    /** Binds the values from parameter 1; returns the next free parameter index. */
    int bind(PreparedStatement s) throws SQLException {
        int i = 1;
        for (Object v : values) {
            s.setObject(i++, v);
        }
        return i;
    }
}
