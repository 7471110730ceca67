package io.quietwatch.web;

import io.quietwatch.store.AlertStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * "NAT suspects": internal addresses whose packets show two or more initial-TTL families in the last hour,
 * or that the nat-device rule reported, with the families, hop distances and the estimated hosts behind
 * each (the rule's estimate from its latest alert, else the number of families). From the rule's
 * {@code NatDeviceFamily} and {@code NatDeviceReported} tables and its alerts.
 */
final class NatPanel {
    static final int MAX_SUSPECTS = 100;
    private static final int MAX_FAMILY_ROWS = 5000;
    private static final String FAMILIES = "select hostIp, family, packets, firstSeen, lastSeen, minHops, maxHops "
            + "from NatDeviceFamily where lastSeen >= current_timestamp() - 3600000L limit "
            + MAX_FAMILY_ROWS;
    private static final String REPORTED = "select hostIp, since, rank from NatDeviceReported limit " + MAX_FAMILY_ROWS;

    private final EngineQueries queries;
    private final AlertStore store;

    NatPanel(EngineQueries queries, AlertStore store) {
        this.queries = queries;
        this.store = store;
    }

    Map<String, Object> suspects() throws EngineQueries.QueryException {
        EngineQueries.Rows families = queries.query(FAMILIES, Map.of(), MAX_FAMILY_ROWS);
        EngineQueries.Rows reported = queries.query(REPORTED, Map.of(), MAX_FAMILY_ROWS);
        Map<String, Map<String, Object>> byHost = new TreeMap<>();
        for (Map<String, Object> f : families.rows()) {
            Map<String, Object> host = byHost.computeIfAbsent((String) f.get("hostIp"), NatPanel::suspect);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) host.get("families");
            list.add(f);
        }
        for (Map<String, Object> r : reported.rows()) {
            Map<String, Object> host = byHost.computeIfAbsent((String) r.get("hostIp"), NatPanel::suspect);
            host.put("reportedSince", r.get("since"));
            host.put("verdict", ((Number) r.get("rank")).intValue() >= 3 ? "high" : "medium");
        }
        Map<String, Map<String, Object>> estimates = latestAlerts();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : byHost.entrySet()) {
            Map<String, Object> host = e.getValue();
            int familyCount = ((List<?>) host.get("families")).size();
            Map<String, Object> alert = estimates.get(e.getKey());
            if (familyCount < 2 && host.get("reportedSince") == null && alert == null) {
                continue;
            }
            host.put("ttlFamilies", familyCount);
            host.put("estimatedHosts", alert != null && alert.get("estimatedHosts") != null ? alert.get("estimatedHosts") : familyCount);
            host.put("alertId", alert == null ? null : alert.get("id"));
            out.add(host);
        }
        out.sort(Comparator.comparing((Map<String, Object> h) -> ((Number) h.get("estimatedHosts")).intValue()).reversed()
                .thenComparing(h -> (String) h.get("hostIp")));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("engine_time", families.engineTime());
        result.put("suspects", out.size() > MAX_SUSPECTS ? out.subList(0, MAX_SUSPECTS) : out);
        return result;
    }

    private static Map<String, Object> suspect(String hostIp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostIp", hostIp);
        m.put("families", new ArrayList<Map<String, Object>>());
        m.put("reportedSince", null);
        m.put("verdict", null);
        return m;
    }

    /** Per host, the details of its latest nat-device alert (with the alert id). */
    private Map<String, Map<String, Object>> latestAlerts() {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        if (store == null) {
            return out;
        }
        for (AlertStore.StoredAlert s : store.find(new AlertStore.AlertQuery("nat-device", null, null, null, null, MAX_SUSPECTS))) {
            if (s.alert().hostIp() != null && !out.containsKey(s.alert().hostIp())) {
                Map<String, Object> d = new LinkedHashMap<>(s.alert().details());
                d.put("id", s.alert().id());
                out.put(s.alert().hostIp(), d);
            }
        }
        return out;
    }
}
