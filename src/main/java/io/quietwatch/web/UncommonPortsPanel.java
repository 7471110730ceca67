package io.quietwatch.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "Uncommon ports (pass)": allowed outbound traffic to uncommon ports over the last 24 hours, per port
 * ranked by internal hosts (fewest first) then connections, from the uncommon-port rule's
 * {@code UncommonPortUsage} table; and the hosts behind one port.
 */
final class UncommonPortsPanel {
    static final int MAX_PORTS = 50;
    static final int MAX_HOSTS = 200;
    private static final int MAX_GROUPS = 100_000;
    private static final String PORTS = "select transport, port, count(distinct hostIp) as hosts, sum(connections) as connections, "
            + "sum(bytes) as bytes, min(firstSeen) as firstSeen from UncommonPortUsage "
            + "where hourStart >= current_timestamp() - 86400000L group by transport, port";
    private static final String HOSTS = "select hostIp, sum(connections) as connections, sum(bytes) as bytes, "
            + "min(firstSeen) as firstSeen from UncommonPortUsage "
            + "where transport = ?:transport:string and port = ?:port:int and hourStart >= current_timestamp() - 86400000L "
            + "group by hostIp";

    private final EngineQueries queries;

    UncommonPortsPanel(EngineQueries queries) {
        this.queries = queries;
    }

    Map<String, Object> ports() throws EngineQueries.QueryException {
        EngineQueries.Rows r = queries.query(PORTS, Map.of(), MAX_GROUPS);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("engine_time", r.engineTime());
        out.put("ports", r.top(Comparator.comparingLong((Map<String, Object> p) -> EngineQueries.number(p, "hosts"))
                .thenComparing(Comparator.comparingLong((Map<String, Object> p) -> EngineQueries.number(p, "connections")).reversed())
                .thenComparingLong(p -> EngineQueries.number(p, "port")), MAX_PORTS));
        return out;
    }

    Map<String, Object> hosts(String transport, int port) throws EngineQueries.QueryException {
        EngineQueries.Rows r = queries.query(HOSTS, Map.of("transport", transport, "port", port), MAX_GROUPS);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("engine_time", r.engineTime());
        out.put("transport", transport);
        out.put("port", port);
        out.put("hosts", r.top(Comparator.comparingLong((Map<String, Object> h) -> EngineQueries.number(h, "connections")).reversed()
                .thenComparing(h -> String.valueOf(h.get("hostIp"))), MAX_HOSTS));
        return out;
    }
}
