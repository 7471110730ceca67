package io.quietwatch.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "HTTP tunnel candidates": web sessions still open for at least a threshold (the http-tunnel rule's
 * {@code HttpTunnelOpen} table; the page counts their duration on), long sessions closed in the last 24 hours
 * with user and bytes ({@code HttpTunnelClosed}), and the time connected over 24 hours of up to 20 host and
 * destination pairs that were connected at least 10 minutes in one hour ({@code HttpTunnelDaily}).
 */
final class TunnelPanel {
    static final int MAX_ROWS = 100;
    private static final String OPEN = "select hostIp, userName, destinationIp, destinationPort, startTime, observer, connectionId "
            + "from HttpTunnelOpen where startTime <= current_timestamp() - ?:minMillis:long "
            + "order by startTime asc limit " + MAX_ROWS;
    private static final String CLOSED = "select hostIp, userName, destinationIp, destinationPort, durationSeconds, bytes, endTime "
            + "from HttpTunnelClosed order by durationSeconds desc limit " + MAX_ROWS;
    static final int DAILY_PAIRS = 20;
    // Grouping every (host, destination) pair of a busy day costs hundreds of milliseconds on the engine thread;
    // the pairs worth showing have an hour with at least 10 minutes connected, and are summed one by one.
    private static final String DAILY_CANDIDATES = "select hostIp, destinationIp, totalSeconds from HttpTunnelDaily "
            + "where hourStart > current_timestamp() - 86400000L and totalSeconds >= 600 order by totalSeconds desc limit 500";
    private static final String DAILY_PAIR = "select sum(totalSeconds) as totalSeconds, sum(sessionCount) as sessions from HttpTunnelDaily "
            + "where hostIp = ?:host:string and destinationIp = ?:destination:string and hourStart > current_timestamp() - 86400000L";

    private final EngineQueries queries;

    TunnelPanel(EngineQueries queries) {
        this.queries = queries;
    }

    Map<String, Object> tunnels(int minMinutes) throws EngineQueries.QueryException {
        EngineQueries.Rows open = queries.query(OPEN, Map.of("minMillis", minMinutes * 60_000L), MAX_ROWS);
        for (Map<String, Object> row : open.rows()) {
            row.put("durationSeconds", (open.engineTime() - ((Number) row.get("startTime")).longValue()) / 1000);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("engine_time", open.engineTime());
        out.put("open", open.rows());
        out.put("closed", queries.query(CLOSED, Map.of(), MAX_ROWS).rows());
        out.put("daily", daily());
        return out;
    }

    private List<Map<String, Object>> daily() throws EngineQueries.QueryException {
        Map<List<Object>, Map<String, Object>> pairs = new LinkedHashMap<>();
        for (Map<String, Object> r : queries.query(DAILY_CANDIDATES, Map.of(), 500).rows()) {
            if (pairs.size() == DAILY_PAIRS) {
                break;
            }
            List<Object> key = List.of(r.get("hostIp"), r.get("destinationIp"));
            if (!pairs.containsKey(key)) {
                Map<String, Object> sum = queries.query(DAILY_PAIR, Map.of("host", key.get(0), "destination", key.get(1)), 1).rows().get(0);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("hostIp", key.get(0));
                row.put("destinationIp", key.get(1));
                row.putAll(sum);
                pairs.put(key, row);
            }
        }
        return pairs.values().stream().sorted(java.util.Comparator.comparingLong(
                (Map<String, Object> d) -> EngineQueries.number(d, "totalSeconds")).reversed()).toList();
    }
}
