package io.quietwatch.alert;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.atomic.LongAdder;

/**
 * Folds the alerts the rules raise into incidents and lets out what the rule's {@link Suppression}
 * says, like ArcSight's rule triggers: the first of an incident, every one, the first and a periodic
 * summary, or only a summary at the end of the window. Repeats are counted; their first and last
 * seen times and highest severity are folded into the summary. A higher severity always goes out.
 * Time is the alerts' own (event) time, so a replay behaves like a live run. At most
 * {@link #limitIncidents max incidents} are open at once: beyond the cap a new incident's alert goes
 * out unfolded (nothing is lost, repeats are not folded) and the cap's hit is reported.
 * Not thread-safe: used from the engine thread.
 */
public final class AlertRouter implements Consumer<Alert> {
    private static final int MAX_REVISIONS_REMEMBERED = 100_000;
    /** The cap on open incidents: an alert beyond it is let out unfolded. */
    public static final String INCIDENTS_CAP = "alert_incidents";
    /** The cap on remembered revision numbers: the least recently used id's number is forgotten. */
    public static final String REVISIONS_CAP = "alert_revisions";

    private static final class Incident {
        final Suppression suppression;
        final long windowEnd;
        Alert latest;
        long count;
        long firstSeen;
        long lastSeen;
        AlertSeverity maxSeverity;
        AlertSeverity sentSeverity;
        long unsent;

        Incident(Alert a, Suppression s) {
            suppression = s;
            windowEnd = a.timestamp() + s.windowMillis();
            latest = a;
            count = a.count();
            firstSeen = a.firstSeen();
            lastSeen = a.lastSeen();
            maxSeverity = a.severity();
        }

        Incident(Held h, Suppression s) {
            suppression = s;
            windowEnd = h.windowEnd();
            latest = h.latest();
            count = h.count();
            firstSeen = h.firstSeen();
            lastSeen = h.lastSeen();
            maxSeverity = h.maxSeverity();
            sentSeverity = h.sentSeverity();
            unsent = h.unsent();
        }
    }

    private final Function<String, Suppression> suppressionOfRule;
    private final Consumer<Alert> out;
    private final Map<String, Incident> incidents = new HashMap<>();
    private final Map<String, Integer> revisions = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            boolean full = size() > MAX_REVISIONS_REMEMBERED;
            if (full) {
                capHit.accept(REVISIONS_CAP, MAX_REVISIONS_REMEMBERED);
            }
            return full;
        }
    };
    private long earliestWindowEnd = Long.MAX_VALUE;
    private int maxIncidents = Integer.MAX_VALUE;
    private java.util.function.ObjLongConsumer<String> capHit = (cap, max) -> { };
    private final LongAdder raised = new LongAdder();
    private final LongAdder held = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private Observer observer = Observer.NONE;

    /** Told of each alert the rules raise and of each one held back; for counters (engine thread). */
    public interface Observer {
        Observer NONE = new Observer() {
            @Override
            public void raised(Alert a) {
            }

            @Override
            public void held(Alert a) {
            }
        };

        /** The rules raised {@code a}. */
        void raised(Alert a);

        /** {@code a} was counted into its incident instead of going out. */
        void held(Alert a);
    }

    /**
     * @param suppressionOfRule the suppression of each rule (statement name); never null
     * @param out               where alerts that go out are passed on
     */
    public AlertRouter(Function<String, Suppression> suppressionOfRule, Consumer<Alert> out) {
        this.suppressionOfRule = suppressionOfRule;
        this.out = out;
    }

    /** Sets who is told of raised and held alerts (before the first alert). */
    public void observe(Observer o) {
        observer = o;
    }

    @Override
    public void accept(Alert a) {
        raised.increment();
        observer.raised(a);
        tick(a.timestamp());
        Suppression s = suppressionOfRule.apply(a.rule());
        String key = s.keyOf(a);
        Incident inc = incidents.get(key);
        if (inc == null && incidents.size() >= maxIncidents) {
            capHit.accept(INCIDENTS_CAP, maxIncidents);
            send(new Incident(a, s), a);
            return;
        }
        if (inc == null) {
            inc = new Incident(a, s);
            incidents.put(key, inc);
            earliestWindowEnd = Math.min(earliestWindowEnd, inc.windowEnd);
            if (s.trigger() == Trigger.SUMMARY) {
                inc.unsent = 1;
                hold(a);
            } else {
                send(inc, a);
            }
            return;
        }
        inc.count += a.count();
        inc.latest = a;
        inc.firstSeen = Math.min(inc.firstSeen, a.firstSeen());
        inc.lastSeen = Math.max(inc.lastSeen, a.lastSeen());
        if (a.severity().compareTo(inc.maxSeverity) > 0) {
            inc.maxSeverity = a.severity();
        }
        boolean escalated = inc.sentSeverity != null && a.severity().compareTo(inc.sentSeverity) > 0;
        if (s.trigger() == Trigger.EVERY || escalated && s.trigger() != Trigger.SUMMARY) {
            send(inc, a);
        } else {
            inc.unsent++;
            hold(a);
        }
    }

    /** Counts {@code a} as held back in its incident and tells the observer. */
    private void hold(Alert a) {
        held.increment();
        observer.held(a);
    }

    /** Closes the windows that ended by engine time {@code now}: summaries go out. */
    public void tick(long now) {
        if (now < earliestWindowEnd) {
            return;
        }
        earliestWindowEnd = Long.MAX_VALUE;
        Iterator<Incident> it = incidents.values().iterator();
        while (it.hasNext()) {
            Incident inc = it.next();
            if (inc.windowEnd > now) {
                earliestWindowEnd = Math.min(earliestWindowEnd, inc.windowEnd);
                continue;
            }
            Trigger t = inc.suppression.trigger();
            if (inc.unsent > 0 && (t == Trigger.SUMMARY || t == Trigger.PERIODIC)) {
                send(inc, inc.latest);
            }
            it.remove();
        }
    }

    private void send(Incident inc, Alert a) {
        Integer previous = revisions.get(a.id());
        int revision = previous == null ? 0 : previous + 1;
        revisions.put(a.id(), revision);
        AlertSeverity severity = inc.maxSeverity.compareTo(a.severity()) > 0 ? inc.maxSeverity : a.severity();
        Alert folded = a.folded(severity, inc.firstSeen, inc.lastSeen, inc.count, revision);
        inc.sentSeverity = severity;
        inc.unsent = 0;
        sent.increment();
        out.accept(folded);
    }

    /**
     * An incident whose window is open, as a snapshot keeps it.
     *
     * @param key          the suppression key the alerts fold under
     * @param windowEnd    engine time its window closes
     * @param latest       the latest alert of the incident
     * @param count        occurrences so far
     * @param firstSeen    start of the incident
     * @param lastSeen     latest evidence
     * @param maxSeverity  highest severity seen
     * @param sentSeverity severity last let out, or null if none went out yet (a summary rule)
     * @param unsent       alerts folded in since the last one went out
     */
    public record Held(String key, long windowEnd, Alert latest, long count, long firstSeen, long lastSeen,
                       AlertSeverity maxSeverity, AlertSeverity sentSeverity, long unsent) {
    }

    /**
     * What the router remembers across a restart, so nothing already let out goes out again.
     *
     * @param incidents incidents with an open window
     * @param revisions the revision last let out per alert id, least recently used first
     */
    public record Memory(java.util.List<Held> incidents, Map<String, Integer> revisions) {
        public static final Memory EMPTY = new Memory(java.util.List.of(), Map.of());
    }

    /** Its incidents and revisions, for a snapshot; on the engine thread. */
    public Memory memory() {
        java.util.List<Held> held = new java.util.ArrayList<>(incidents.size());
        incidents.forEach((key, i) -> held.add(new Held(key, i.windowEnd, i.latest, i.count, i.firstSeen, i.lastSeen,
                i.maxSeverity, i.sentSeverity, i.unsent)));
        return new Memory(held, new LinkedHashMap<>(revisions));
    }

    /**
     * Takes back what {@link #memory()} returned before a restart; incidents keep the window end they had, with
     * the suppression their rule has now.
     */
    public void restore(Memory m) {
        for (Held h : m.incidents()) {
            incidents.put(h.key(), new Incident(h, suppressionOfRule.apply(h.latest().rule())));
            earliestWindowEnd = Math.min(earliestWindowEnd, h.windowEnd());
        }
        revisions.putAll(m.revisions());
    }

    /**
     * Caps the open incidents at {@code max}; {@code capHit} hears each alert let out unfolded because of
     * it ({@link #INCIDENTS_CAP}) and each id whose revision number is forgotten ({@link #REVISIONS_CAP}).
     */
    public AlertRouter limitIncidents(int max, java.util.function.ObjLongConsumer<String> capHit) {
        this.maxIncidents = max;
        this.capHit = capHit;
        return this;
    }

    /** Alerts the rules raised. */
    public long raised() {
        return raised.sum();
    }

    /** Alerts held back (counted into an incident). */
    public long held() {
        return held.sum();
    }

    /** Alerts let out. */
    public long sent() {
        return sent.sum();
    }

    /** Incidents with an open window. */
    public int openIncidents() {
        return incidents.size();
    }
}
