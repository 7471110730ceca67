package io.quietwatch.engine.scantrend;

import io.quietwatch.event.LogEvent;

/**
 * One destination port's inbound denied traffic within an hour: packets (events), distinct sources,
 * the destination most of them went to, the first and last time, and the first few events as
 * evidence. A fold tally ({@link #FOLDED}) gathers the ports beyond the tracking cap and also counts
 * how many distinct ports it holds. Not thread-safe.
 */
public final class PortTally {
    /** The port number of a fold tally: traffic to ports that were not tracked one by one. */
    public static final int FOLDED = -1;
    static final int SAMPLES = 3;

    final String transport;
    final int port;
    long packets;
    long firstSeen = Long.MAX_VALUE;
    long lastSeen = Long.MIN_VALUE;
    final DistinctCounter sources = new DistinctCounter();
    final TopValue destinations = new TopValue();
    private final LogEvent[] samples = new LogEvent[SAMPLES];
    private int sampleCount;
    /** Fold tallies only: the distinct ports folded in. */
    final DistinctCounter ports;

    PortTally(String transport, int port) {
        this.transport = transport;
        this.port = port;
        this.ports = port == FOLDED ? new DistinctCounter() : null;
    }

    void add(LogEvent e) {
        packets++;
        long t = e.timestamp();
        if (t < firstSeen) {
            firstSeen = t;
        }
        if (t > lastSeen) {
            lastSeen = t;
        }
        sources.add(e.sourceIp());
        destinations.add(e.destinationIp(), e.hostIp() != null);
        if (sampleCount < SAMPLES) {
            samples[sampleCount++] = e;
        }
        if (ports != null) {
            Integer p = e.destinationPort();
            ports.add(p == null ? FOLDED : p);
        }
    }

    /** Adds everything {@code other} counted to this fold tally (the ports it folded, or its own port). */
    void absorb(PortTally other) {
        packets += other.packets;
        firstSeen = Math.min(firstSeen, other.firstSeen);
        lastSeen = Math.max(lastSeen, other.lastSeen);
        sources.addAll(other.sources);
        if (other.ports != null) {
            ports.addAll(other.ports);
        } else {
            ports.add(other.port);
        }
        for (int i = 0; i < other.sampleCount && sampleCount < SAMPLES; i++) {
            samples[sampleCount++] = other.samples[i];
        }
    }

    /** The transport ({@code tcp}, {@code udp}, ...). */
    public String transport() {
        return transport;
    }

    /** The destination port, or {@link #FOLDED}. */
    public int port() {
        return port;
    }

    /** Packets (events) counted. */
    public long packets() {
        return packets;
    }

    /** Distinct source addresses (exact up to 128, estimated above). */
    public long sources() {
        return sources.estimate();
    }

    /** Distinct ports folded into this tally; 0 for a tracked port. */
    public long foldedPorts() {
        return ports == null ? 0 : ports.estimate();
    }

    /** The destination address that received the most packets, or null. */
    public String topDestination() {
        return destinations.value();
    }

    /** How many packets {@link #topDestination()} received at least. */
    public long topDestinationPackets() {
        return destinations.lowerBound();
    }

    /** Whether {@link #topDestination()} is an internal address (the event named it as its host). */
    public boolean topDestinationInternal() {
        return destinations.flag();
    }

    /** Time of the first event counted. */
    public long firstSeen() {
        return firstSeen;
    }

    /** Time of the last event counted. */
    public long lastSeen() {
        return lastSeen;
    }

    /** The first few events counted, as evidence. */
    public LogEvent[] samples() {
        return java.util.Arrays.copyOf(samples, sampleCount);
    }
}
