package io.quietwatch.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "HTTP tunnel candidates": web sessions still open for at least a threshold (the http-tunnel rule's
 * {@code HttpTunnelOpen} table; the page counts their duration on), long sessions closed in the last 24 hours
 * with user and bytes ({@code HttpTunnelClosed}), and per host and destination the time connected over 24
 * hours ({@code HttpTunnelDaily}).
 */
final class TunnelPanel {
    static final int MAX_ROWS = 100;
    private static final String OPEN = "select hostIp, userName, destinationIp, destinationPort, startTime, observer, connectionId "
            + "from HttpTunnelOpen where startTime <= current_timestamp() - ?:minMillis:long "
            + "order by startTime asc limit " + MAX_ROWS;
    private static final String CLOSED = "select hostIp, userName, destinationIp, destinationPort, durationSeconds, bytes, endTime "
            + "from HttpTunnelClosed order by durationSeconds desc limit " + MAX_ROWS;
    private static final String DAILY = "select hostIp, destinationIp, sum(totalSeconds) as totalSeconds, sum(sessionCount) as sessions "
            + "from HttpTunnelDaily where hourStart > current_timestamp() - 86400000L group by hostIp, destinationIp";

    private final EngineQueries queries;

    TunnelPanel(EngineQueries queries) {
        this.queries = queries;
    }

    Map<String, Object> tunnels(int minMinutes) throws EngineQueries.QueryException {
        EngineQueries.Rows open = queries.query(OPEN, Map.of("minMillis", minMinutes * 60_000L), MAX_ROWS);
        for (Map<String, Object> row : open.rows()) {
            row.put("durationSeconds", (open.engineTime() - ((Number) row.get("startTime")).longValue()) / 1000);
        }
        EngineQueries.Rows daily = queries.query(DAILY, Map.of(), 100_000);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("engine_time", open.engineTime());
        out.put("open", open.rows());
        out.put("closed", queries.query(CLOSED, Map.of(), MAX_ROWS).rows());
        out.put("daily", daily.top(java.util.Comparator.comparingLong(
                (Map<String, Object> d) -> EngineQueries.number(d, "totalSeconds")).reversed(), MAX_ROWS));
        return out;
    }
}
