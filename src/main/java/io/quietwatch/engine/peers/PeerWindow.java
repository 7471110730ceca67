package io.quietwatch.engine.peers;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The distinct peers one host contacted within a sliding window, counted only up to the threshold.
 * When the host reaches {@code minPeers} peers on at least {@code minPorts} different ports, or contacts
 * a known endpoint, {@link #add} reports a {@link PeerBurst} once; then the window forgets its peers and
 * stays quiet for one window length, so a host is reported at most once per window and a flood of peers
 * never holds more than {@code minPeers} entries.
 *
 * <p>Times must not go back (the engine's clock does not). Not thread-safe.
 */
public final class PeerWindow {
    static final int SAMPLE = 5;

    private static final class Contact {
        long lastSeen;
        int port;
    }

    // access order: a peer contacted again moves to the tail, so the head is always the stalest
    private final LinkedHashMap<String, Contact> contacts = new LinkedHashMap<>(16, 0.75f, true);
    private long quietUntil = Long.MIN_VALUE;

    /**
     * Records one contact.
     *
     * @param peer         the remote address (or endpoint name)
     * @param port         the remote port (0 when unknown)
     * @param now          engine time, epoch milliseconds
     * @param endpoint     the peer is a known IM / VoIP / P2P endpoint: report at once
     * @param windowMillis length of the sliding window
     * @param minPeers     distinct peers that make a burst (also the most this window holds)
     * @param minPorts     distinct ports those peers must use (fewer is a sweep of one service, not P2P)
     * @return the burst this contact completed, or null
     */
    public PeerBurst add(String peer, int port, long now, boolean endpoint, long windowMillis, int minPeers, int minPorts) {
        if (peer == null || now < quietUntil) {
            return null;
        }
        int cap = Math.max(1, minPeers);
        expire(now - windowMillis);
        Contact c = contacts.get(peer);
        if (c == null) {
            c = new Contact();
            contacts.put(peer, c);
        }
        c.lastSeen = now;
        c.port = port;
        while (contacts.size() > cap) {
            dropStalest();
        }
        if (endpoint) {
            return report(PeerBurst.ENDPOINT, peer, port, now, windowMillis);
        }
        if (contacts.size() >= cap && distinctPorts() >= minPorts) {
            return report(PeerBurst.PEERS, null, port, now, windowMillis);
        }
        return null;
    }

    /** Peers currently held (at most the threshold). */
    public int size() {
        return contacts.size();
    }

    /** Forgets everything, including the quiet period. */
    public void clear() {
        contacts.clear();
        quietUntil = Long.MIN_VALUE;
    }

    private void expire(long before) {
        Iterator<Contact> it = contacts.values().iterator();
        while (it.hasNext() && it.next().lastSeen <= before) {
            it.remove();
        }
    }

    private void dropStalest() {
        Iterator<String> it = contacts.keySet().iterator();
        it.next();
        it.remove();
    }

    private int distinctPorts() {
        return distinctSortedPorts().length;
    }

    private int[] distinctSortedPorts() {
        int[] ports = new int[contacts.size()];
        int n = 0;
        for (Contact c : contacts.values()) {
            ports[n++] = c.port;
        }
        Arrays.sort(ports);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || ports[i] != ports[i - 1]) {
                ports[distinct++] = ports[i];
            }
        }
        return Arrays.copyOf(ports, distinct);
    }

    private PeerBurst report(String trigger, String endpoint, int endpointPort, long now, long windowMillis) {
        int[] ports = distinctSortedPorts();
        StringBuilder peerSample = new StringBuilder();
        boolean atOnce = PeerBurst.ENDPOINT.equals(trigger);
        long firstSeen = now;
        int i = 0;
        for (Map.Entry<String, Contact> e : contacts.entrySet()) {
            firstSeen = atOnce ? now : Math.min(firstSeen, e.getValue().lastSeen);
            if (i++ < SAMPLE) {
                peerSample.append(i > 1 ? ", " : "").append(e.getKey()).append(':').append(e.getValue().port);
            }
        }
        StringBuilder portSample = new StringBuilder();
        for (int p = 0; p < Math.min(SAMPLE, ports.length); p++) {
            portSample.append(p > 0 ? ", " : "").append(ports[p]);
        }
        if (ports.length > SAMPLE) {
            portSample.append(", ...");
        }
        PeerBurst burst = new PeerBurst(trigger, endpoint, endpointPort, contacts.size(), ports.length,
                portSample.toString(), peerSample.toString(), firstSeen, now, null);
        contacts.clear();
        quietUntil = now + windowMillis;
        return burst;
    }
}
