package io.quietwatch.engine.scantrend;

import io.quietwatch.event.LogEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a closed {@link HourTally} into rows for EPL, through a method-invocation join:
 * {@code from ScanTrendClosing as c, method:io.quietwatch.engine.scantrend.ScanTrendRows.rows(c.tally, 500) as r}.
 * The ports are ranked by packets (then sources, transport, port); the first {@code maxPorts} are
 * rows of their own, with their rank; the rest join the fold row of their transport
 * ({@code port = -1}, {@code rank} null, {@code foldedPorts} = how many ports it holds).
 */
public final class ScanTrendRows {
    /** Ranking order: most packets first, then most sources, then transport and port. */
    static final Comparator<PortTally> RANKING = Comparator.comparingLong(PortTally::packets).reversed()
            .thenComparing(Comparator.comparingLong(PortTally::sources).reversed())
            .thenComparing(PortTally::transport)
            .thenComparingInt(PortTally::port);

    private ScanTrendRows() {
    }

    /** The column names and types of {@link #rows}, as Esper asks for them. */
    public static Map<String, Object> rowsMetadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transport", String.class);
        m.put("port", Integer.class);
        m.put("packets", Long.class);
        m.put("sources", Long.class);
        m.put("rank", Integer.class);
        m.put("foldedPorts", Long.class);
        m.put("topDestination", String.class);
        m.put("topDestinationPackets", Long.class);
        m.put("topDestinationInternal", Boolean.class);
        m.put("firstSeen", Long.class);
        m.put("lastSeen", Long.class);
        m.put("evidence", LogEvent[].class);
        return m;
    }

    /** One row per ranked port (at most {@code maxPorts}), then one fold row per transport that has one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object>[] rows(HourTally tally, int maxPorts) {
        if (tally == null) {
            return new Map[0];
        }
        List<PortTally> ranked = new ArrayList<>(tally.ports());
        ranked.sort(RANKING);
        Map<String, PortTally> folds = new LinkedHashMap<>();
        for (PortTally f : tally.folds()) {
            folds.computeIfAbsent(f.transport, t -> new PortTally(t, PortTally.FOLDED)).absorb(f);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            PortTally p = ranked.get(i);
            if (i < Math.max(0, maxPorts)) {
                out.add(row(p, i + 1));
            } else {
                folds.computeIfAbsent(p.transport, t -> new PortTally(t, PortTally.FOLDED)).absorb(p);
            }
        }
        folds.values().forEach(f -> out.add(row(f, null)));
        return out.toArray(new Map[0]);
    }

    private static Map<String, Object> row(PortTally p, Integer rank) {
        boolean folded = p.port == PortTally.FOLDED;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transport", p.transport);
        m.put("port", p.port);
        m.put("packets", p.packets);
        m.put("sources", p.sources());
        m.put("rank", rank);
        m.put("foldedPorts", p.foldedPorts());
        m.put("topDestination", folded ? null : p.topDestination());
        m.put("topDestinationPackets", folded ? 0L : p.topDestinationPackets());
        m.put("topDestinationInternal", !folded && p.topDestinationInternal());
        m.put("firstSeen", p.firstSeen);
        m.put("lastSeen", p.lastSeen);
        m.put("evidence", p.samples());
        return m;
    }
}
