package io.quietwatch.engine.scantrend;

import io.quietwatch.event.LogEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One hour of inbound denied traffic, per transport and destination port, in bounded memory.
 *
 * <p>At most {@code capacity} ports are tracked one by one. When the cap is reached, a new port takes
 * the place of a tracked port that has seen a single packet so far (its packet moves to the fold
 * tally of its transport); when every tracked port has seen more than one packet, the new port's
 * traffic goes to the fold tally. So a sweep of all 65,536 ports, one packet each, cannot crowd out
 * a port that many scanners hit; what is folded stays counted (packets, sources, distinct ports).
 * At most {@value #MAX_TRANSPORTS} transports are told apart; further ones share the fold tally of
 * the transport {@code other}. Not thread-safe.
 */
public final class HourTally {
    /** Ports tracked one by one per hour unless told otherwise. */
    public static final int DEFAULT_CAPACITY = 4096;
    static final int MAX_TRANSPORTS = 4;
    static final String OTHER = "other";

    private final int capacity;
    private final String[] transports = new String[MAX_TRANSPORTS];
    private final PortTally[][] byPort = new PortTally[MAX_TRANSPORTS][];
    private final PortTally[] folds = new PortTally[MAX_TRANSPORTS + 1];
    private final ArrayDeque<PortTally> singles = new ArrayDeque<>();
    private int trackedCount;
    private long packets;
    private long firstSeen = Long.MAX_VALUE;

    public HourTally() {
        this(DEFAULT_CAPACITY);
    }

    public HourTally(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("port capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Counts one event (its transport, destination port, source and destination). */
    public void add(LogEvent e) {
        packets++;
        firstSeen = Math.min(firstSeen, e.timestamp());
        int t = transportIndex(e.transport());
        Integer boxed = e.destinationPort();
        int port = boxed == null ? -1 : boxed;
        if (t < 0 || port < 0 || port > 0xFFFF) {
            fold(t).add(e);
            return;
        }
        PortTally[] ports = byPort[t];
        if (ports == null) {
            ports = new PortTally[0x10000];
            byPort[t] = ports;
        }
        PortTally p = ports[port];
        if (p == null) {
            if (trackedCount >= capacity && !evictSingle()) {
                fold(t).add(e);
                return;
            }
            p = new PortTally(transports[t], port);
            ports[port] = p;
            trackedCount++;
            singles.add(p);
        }
        p.add(e);
    }

    /** Frees one slot by folding a tracked port that has seen one packet; false if there is none. */
    private boolean evictSingle() {
        PortTally victim;
        while ((victim = singles.poll()) != null) {
            if (victim.packets == 1) {
                int t = transportIndex(victim.transport);
                byPort[t][victim.port] = null;
                fold(t).absorb(victim);
                trackedCount--;
                return true;
            }
        }
        return false;
    }

    private int transportIndex(String transport) {
        if (transport == null) {
            return -1;
        }
        for (int i = 0; i < MAX_TRANSPORTS; i++) {
            String s = transports[i];
            if (s == null) {
                transports[i] = transport;
                return i;
            }
            if (s.equals(transport)) {
                return i;
            }
        }
        return -1;
    }

    private PortTally fold(int t) {
        int i = t < 0 ? MAX_TRANSPORTS : t;
        if (folds[i] == null) {
            folds[i] = new PortTally(t < 0 ? OTHER : transports[t], PortTally.FOLDED);
        }
        return folds[i];
    }

    /** The ports tracked one by one, by transport (in order of first appearance) and port number. */
    public List<PortTally> ports() {
        List<PortTally> out = new ArrayList<>(trackedCount);
        for (PortTally[] ports : byPort) {
            if (ports != null) {
                for (PortTally p : ports) {
                    if (p != null) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    /** The fold tallies that hold traffic (one per transport at most). */
    public List<PortTally> folds() {
        List<PortTally> out = new ArrayList<>();
        for (PortTally f : folds) {
            if (f != null && f.packets > 0) {
                out.add(f);
            }
        }
        return out;
    }

    /** Events counted in this hour, tracked and folded. */
    public long packets() {
        return packets;
    }

    /** Time of the earliest event counted, or {@link Long#MAX_VALUE} when none was. */
    public long firstSeen() {
        return firstSeen;
    }
}
