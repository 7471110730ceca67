package io.quietwatch.engine.peers;

import io.quietwatch.event.IpAddresses;

import java.util.Arrays;

/**
 * The distinct peers one host contacted within a sliding window, counted only up to the threshold.
 * When the host reaches {@code minPeers} peers on at least {@code minPorts} different ports, or contacts
 * a known endpoint, {@link #add} reports a {@link PeerBurst} once; then the window forgets its peers and
 * stays quiet for one window length, so a host is reported at most once per window and a flood of peers
 * never holds more than {@code minPeers} entries.
 *
 * <p>Peers are kept in parallel arrays ordered from the stalest contact to the latest, an IPv4 address
 * as its 32-bit value (so the event's strings are not retained), any other peer as a 64-bit hash plus
 * its text. Times must not go back (the engine's clock does not). Not thread-safe.
 */
public final class PeerWindow {
    static final int SAMPLE = 5;
    private static final long NOT_IPV4 = 1L << 63;

    private long[] keys = new long[4];
    private long[] seen = new long[4];
    private int[] ports = new int[4];
    private String[] names = new String[4];
    private int size;
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
        long v4 = IpAddresses.parseIpv4(peer);
        long key = v4 >= 0 ? v4 : hash(peer);
        int at = indexOf(key);
        if (at >= 0) {
            drop(at);
        }
        while (size >= cap) {
            drop(0);
        }
        append(key, now, port, v4 >= 0 ? null : peer);
        if (endpoint) {
            return report(PeerBurst.ENDPOINT, peer, port, now, windowMillis);
        }
        if (size >= cap && distinctSortedPorts().length >= minPorts) {
            return report(PeerBurst.PEERS, null, port, now, windowMillis);
        }
        return null;
    }

    /** Peers currently held (at most the threshold). */
    public int size() {
        return size;
    }

    /** Forgets everything, including the quiet period. */
    public void clear() {
        Arrays.fill(names, 0, size, null);
        size = 0;
        quietUntil = Long.MIN_VALUE;
    }

    private void expire(long before) {
        int stale = 0;
        while (stale < size && seen[stale] <= before) {
            stale++;
        }
        if (stale > 0) {
            shiftLeft(stale, stale);
        }
    }

    private int indexOf(long key) {
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        return -1;
    }

    private void drop(int index) {
        shiftLeft(index + 1, 1);
    }

    /** Moves entries {@code [from, size)} down by {@code by}. */
    private void shiftLeft(int from, int by) {
        int n = size - from;
        System.arraycopy(keys, from, keys, from - by, n);
        System.arraycopy(seen, from, seen, from - by, n);
        System.arraycopy(ports, from, ports, from - by, n);
        System.arraycopy(names, from, names, from - by, n);
        size -= by;
        Arrays.fill(names, size, size + by, null);
    }

    private void append(long key, long now, int port, String name) {
        if (size == keys.length) {
            int grown = size * 2;
            keys = Arrays.copyOf(keys, grown);
            seen = Arrays.copyOf(seen, grown);
            ports = Arrays.copyOf(ports, grown);
            names = Arrays.copyOf(names, grown);
        }
        keys[size] = key;
        seen[size] = now;
        ports[size] = port;
        names[size] = name;
        size++;
    }

    private int[] distinctSortedPorts() {
        int[] sorted = Arrays.copyOf(ports, size);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    private PeerBurst report(String trigger, String endpoint, int endpointPort, long now, long windowMillis) {
        int[] distinct = distinctSortedPorts();
        StringBuilder peerSample = new StringBuilder();
        for (int i = 0; i < Math.min(SAMPLE, size); i++) {
            peerSample.append(i > 0 ? ", " : "").append(name(i)).append(':').append(ports[i]);
        }
        StringBuilder portSample = new StringBuilder();
        for (int p = 0; p < Math.min(SAMPLE, distinct.length); p++) {
            portSample.append(p > 0 ? ", " : "").append(distinct[p]);
        }
        if (distinct.length > SAMPLE) {
            portSample.append(", ...");
        }
        long firstSeen = PeerBurst.ENDPOINT.equals(trigger) ? now : seen[0];
        PeerBurst burst = new PeerBurst(trigger, endpoint, endpointPort, size, distinct.length, portSample.toString(),
                peerSample.toString(), firstSeen, now, null);
        Arrays.fill(names, 0, size, null);
        size = 0;
        quietUntil = now + windowMillis;
        return burst;
    }

    private String name(int i) {
        if (names[i] != null) {
            return names[i];
        }
        long v = keys[i];
        return (v >>> 24) + "." + ((v >>> 16) & 255) + "." + ((v >>> 8) & 255) + "." + (v & 255);
    }

    /** FNV-1a over the characters, marked so that it never equals an IPv4 value. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h | NOT_IPV4;
    }
}
