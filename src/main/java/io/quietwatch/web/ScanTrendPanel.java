package io.quietwatch.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Fixed-point observation": inbound denied packets per port and hour from the scan-trend rule's
 * {@code ScanTrendSeries} table (closed hours only). The chart: the last 24 hours of the top ports of that
 * period, each hour with the baseline the rule compares it with (mean and standard deviation of the port's
 * previous hours, up to 48, absent hours counting 0). The rank table: the top ports of the last 24 hours
 * with their packets and rank in the 24 hours before.
 */
final class ScanTrendPanel {
    static final int CHART_PORTS = 5;
    static final int RANK_ROWS = 20;
    static final int HOURS = 24;
    private static final int BASELINE_HOURS = 48;
    private static final long HOUR = 3_600_000L;
    private static final String PERIOD = "select transport, port, sum(packets) as packets, max(sources) as maxSources "
            + "from ScanTrendSeries where port >= 0 and hourStart >= ?:fromHour:long and hourStart < ?:toHour:long "
            + "group by transport, port";
    private static final String SERIES = "select hourStart, packets, sources from ScanTrendSeries "
            + "where transport = ?:transport:string and port = ?:port:int order by hourStart asc limit 500";
    private static final String FIRST = "select min(hourStart) as first, max(hourStart) as last from ScanTrendSeries";

    private final EngineQueries queries;

    ScanTrendPanel(EngineQueries queries) {
        this.queries = queries;
    }

    Map<String, Object> observation() throws EngineQueries.QueryException {
        EngineQueries.Rows bounds = queries.query(FIRST, Map.of(), 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("engine_time", bounds.engineTime());
        Number first = (Number) bounds.rows().get(0).get("first");
        Number lastClosed = (Number) bounds.rows().get(0).get("last");
        if (first == null) {
            out.put("hours", List.of());
            out.put("ports", List.of());
            out.put("ranks", List.of());
            return out;
        }
        long end = lastClosed.longValue() + HOUR;
        List<Map<String, Object>> now = period(end - HOURS * HOUR, end);
        List<Map<String, Object>> before = period(end - 2 * HOURS * HOUR, end - HOURS * HOUR);
        List<Long> hours = new ArrayList<>();
        for (long h = end - HOURS * HOUR; h < end; h += HOUR) {
            hours.add(h);
        }
        out.put("hours", hours);
        out.put("ports", chart(now, hours, first.longValue()));
        out.put("ranks", ranks(now, before));
        return out;
    }

    /** The top ports of a period by packets. */
    private List<Map<String, Object>> period(long from, long to) throws EngineQueries.QueryException {
        return queries.query(PERIOD, Map.of("fromHour", from, "toHour", to), 100_000)
                .top(java.util.Comparator.comparingLong((Map<String, Object> r) -> EngineQueries.number(r, "packets")).reversed()
                        .thenComparingLong(r -> EngineQueries.number(r, "port")), RANK_ROWS);
    }

    private List<Map<String, Object>> chart(List<Map<String, Object>> top, List<Long> hours, long firstHour)
            throws EngineQueries.QueryException {
        List<Map<String, Object>> ports = new ArrayList<>();
        for (Map<String, Object> p : top.subList(0, Math.min(CHART_PORTS, top.size()))) {
            Map<Long, Long> packets = new HashMap<>();
            for (Map<String, Object> r : queries.query(SERIES, Map.of("transport", p.get("transport"), "port", p.get("port")), 500).rows()) {
                packets.put(((Number) r.get("hourStart")).longValue(), ((Number) r.get("packets")).longValue());
            }
            List<Map<String, Object>> points = new ArrayList<>();
            for (long h : hours) {
                points.add(point(h, packets, firstHour));
            }
            Map<String, Object> port = new LinkedHashMap<>();
            port.put("transport", p.get("transport"));
            port.put("port", p.get("port"));
            port.put("points", points);
            ports.add(port);
        }
        return ports;
    }

    /** One hour of one port: its packets and the mean and σ of up to 48 hours before (absent hours are 0). */
    static Map<String, Object> point(long hour, Map<Long, Long> packets, long firstHour) {
        int n = (int) Math.max(0, Math.min(BASELINE_HOURS, (hour - firstHour) / HOUR));
        double sum = 0;
        double squares = 0;
        for (int i = 1; i <= n; i++) {
            long v = packets.getOrDefault(hour - i * HOUR, 0L);
            sum += v;
            squares += (double) v * v;
        }
        double mean = n == 0 ? 0 : sum / n;
        double sigma = n == 0 ? 0 : Math.sqrt(Math.max(0, squares / n - mean * mean));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hourStart", hour);
        m.put("packets", packets.getOrDefault(hour, 0L));
        m.put("mean", Math.round(mean * 100) / 100.0);
        m.put("sigma", Math.round(sigma * 100) / 100.0);
        m.put("baselineHours", n);
        return m;
    }

    private static List<Map<String, Object>> ranks(List<Map<String, Object>> now, List<Map<String, Object>> before) {
        Map<String, Integer> previousRank = new HashMap<>();
        Map<String, Long> previousPackets = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            previousRank.put(key(before.get(i)), i + 1);
            previousPackets.put(key(before.get(i)), ((Number) before.get(i).get("packets")).longValue());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            Map<String, Object> r = new LinkedHashMap<>(now.get(i));
            long packets = ((Number) r.get("packets")).longValue();
            Long prev = previousPackets.get(key(r));
            r.put("rank", i + 1);
            r.put("previousRank", previousRank.get(key(r)));
            r.put("previousPackets", prev == null ? 0L : prev);
            r.put("changePercent", prev == null || prev == 0 ? null : Math.round((packets - prev) * 1000.0 / prev) / 10.0);
            out.add(r);
        }
        return out;
    }

    private static String key(Map<String, Object> row) {
        return row.get("transport") + "/" + row.get("port");
    }
}
