package io.quietwatch.engine.nat;

/**
 * Counts the hosts behind one IPv4 address from the identification fields of its packets, after
 * S. M. Bellovin, "A Technique for Counting NATted Hosts" (IMW 2002): most stacks number their packets
 * from a counter, so the packets of N hosts behind one address interleave N increasing sequences.
 *
 * <p>Each ID joins the live sequence whose last ID precedes it by at most {@code maxGap} (modulo
 * 2<sup>16</sup>, so 65535 is followed by 0); the closest such sequence wins, otherwise the ID starts a
 * new sequence. Sequences idle for {@code idleMillis} end. A sequence is read either in network byte
 * order or byte-swapped (stacks that store the counter little-endian step the wire value by 256); its
 * second member decides which. ID 0 is ignored: Linux sends it on packets with DF set.
 *
 * <p>Two stacks would otherwise look like many hosts. Random IDs (OpenBSD, Linux connection starts):
 * almost every packet starts a sequence that never grows; when at least half of the recent packets
 * started a sequence, the source counts as one host ({@link #isRandom()}). Per-connection and
 * per-destination counters (Linux) give one sequence per destination: a sequence counts as a host of
 * its own only once it has changed destination twice; all the single-destination sequences together
 * count as at most one host.
 *
 * <p>State is bounded: at most {@value #MAX_SEQUENCES} sequences; when full, the oldest short one
 * (else the oldest) makes room. Not thread-safe.
 */
public final class IpIdSequences {
    /** Most sequences followed at once. */
    public static final int MAX_SEQUENCES = 16;
    /** Packets the random-source test looks back on. */
    static final int RECENT = 64;
    /** Fewest recent packets before a source can be judged random. */
    static final int RANDOM_MIN_PACKETS = 16;
    private static final int UNKNOWN = 0;
    private static final int NORMAL = 1;
    private static final int SWAPPED = 2;
    private static final int MULTI_DESTINATION_SWITCHES = 2;
    private static final int NO_DESTINATION = 0;

    /**
     * How sequences are told apart.
     *
     * @param maxGap     largest forward step (1-4096) from a sequence's last ID that continues it
     * @param idleMillis a sequence without a new member for this long has ended
     * @param minLength  members a sequence needs before it counts as a host
     */
    public record Settings(int maxGap, long idleMillis, int minLength) {
        public static final Settings DEFAULTS = new Settings(512, 600_000L, 5);

        public Settings {
            if (maxGap < 1 || maxGap > 4096) {
                throw new IllegalArgumentException("ipIdSequences: maxGap must be 1-4096, got " + maxGap);
            }
            if (idleMillis < 1) {
                throw new IllegalArgumentException("ipIdSequences: idle time must be positive, got " + idleMillis);
            }
            if (minLength < 2) {
                throw new IllegalArgumentException("ipIdSequences: minLength must be at least 2, got " + minLength);
            }
        }
    }

    private int size;
    private int[] last = new int[2];
    private int[] mode = new int[2];
    private int[] length = new int[2];
    private long[] first = new long[2];
    private long[] lastSeen = new long[2];
    private int[] destination = new int[2];
    private int[] switches = new int[2];
    private long recentStarts;
    private int recentCount;

    /**
     * Adds one packet.
     *
     * @param id          the IPv4 identification field, 0-65535 (0 and other values are ignored)
     * @param time        the packet's time, epoch milliseconds
     * @param destination the packet's destination (any stable value), or null when unknown
     */
    public void add(int id, long time, Object destination, Settings settings) {
        if (id <= 0 || id > 0xffff) {
            return;
        }
        int dest = destination == null ? NO_DESTINATION : destination.hashCode() | 1;
        expire(time, settings.idleMillis());
        int best = -1;
        int bestStep = Integer.MAX_VALUE;
        int bestMode = UNKNOWN;
        int swappedId = swap(id);
        for (int i = 0; i < size; i++) {
            if (mode[i] != SWAPPED) {
                int step = (id - last[i]) & 0xffff;
                if (step <= settings.maxGap() && step < bestStep) {
                    best = i;
                    bestStep = step;
                    bestMode = NORMAL;
                }
            }
            if (mode[i] != NORMAL) {
                int step = (swappedId - swap(last[i])) & 0xffff;
                if (step <= settings.maxGap() && step < bestStep) {
                    best = i;
                    bestStep = step;
                    bestMode = SWAPPED;
                }
            }
        }
        boolean started = best < 0;
        if (started) {
            start(id, time, dest, settings.minLength());
        } else if (bestStep > 0) {
            extend(best, id, time, dest, bestMode);
        } else {
            lastSeen[best] = Math.max(lastSeen[best], time);
        }
        recentStarts = (recentStarts << 1) | (started ? 1L : 0L);
        recentCount = Math.min(RECENT, recentCount + 1);
    }

    /** Whether the recent IDs look random: at least half of them started a sequence. */
    public boolean isRandom() {
        return recentCount >= RANDOM_MIN_PACKETS && 2 * Long.bitCount(recentStarts) >= recentCount;
    }

    /**
     * The estimated number of hosts: the most sequences of at least {@code minLength} members that were
     * live at one moment (single-destination ones together counting as one); 1 for a random source;
     * 0 when no sequence is long enough yet.
     */
    public int estimate(Settings settings) {
        if (isRandom()) {
            return 1;
        }
        int best = 0;
        for (int i = 0; i < size; i++) {
            if (length[i] < settings.minLength()) {
                continue;
            }
            long t = first[i];
            int hosts = 0;
            boolean singleDestination = false;
            for (int j = 0; j < size; j++) {
                if (length[j] >= settings.minLength() && first[j] <= t && t <= lastSeen[j]) {
                    if (destination[j] == NO_DESTINATION || switches[j] >= MULTI_DESTINATION_SWITCHES) {
                        hosts++;
                    } else {
                        singleDestination = true;
                    }
                }
            }
            best = Math.max(best, hosts + (singleDestination ? 1 : 0));
        }
        return best;
    }

    /** Sequences followed now. */
    public int liveSequences() {
        return size;
    }

    /** Forgets everything. */
    public void clear() {
        size = 0;
        recentStarts = 0;
        recentCount = 0;
    }

    private void start(int id, long time, int dest, int minLength) {
        if (size == MAX_SEQUENCES) {
            remove(victim(minLength));
        } else if (size == last.length) {
            grow(Math.min(MAX_SEQUENCES, size * 2));
        }
        last[size] = id;
        mode[size] = UNKNOWN;
        length[size] = 1;
        first[size] = time;
        lastSeen[size] = time;
        destination[size] = dest;
        switches[size] = 0;
        size++;
    }

    private void extend(int i, int id, long time, int dest, int stepMode) {
        last[i] = id;
        mode[i] = stepMode;
        length[i]++;
        lastSeen[i] = Math.max(lastSeen[i], time);
        if (dest != destination[i] && dest != NO_DESTINATION) {
            if (destination[i] != NO_DESTINATION) {
                switches[i] = Math.min(switches[i] + 1, MULTI_DESTINATION_SWITCHES);
            }
            destination[i] = dest;
        }
    }

    /** The oldest sequence still too short to count, or else the oldest of all. */
    private int victim(int minLength) {
        int oldestShort = -1;
        int oldest = 0;
        for (int i = 0; i < size; i++) {
            if (length[i] < minLength && (oldestShort < 0 || lastSeen[i] < lastSeen[oldestShort])) {
                oldestShort = i;
            }
            if (lastSeen[i] < lastSeen[oldest]) {
                oldest = i;
            }
        }
        return oldestShort >= 0 ? oldestShort : oldest;
    }

    private void expire(long now, long idleMillis) {
        for (int i = size - 1; i >= 0; i--) {
            if (now - lastSeen[i] > idleMillis) {
                remove(i);
            }
        }
    }

    private void remove(int i) {
        int end = --size;
        last[i] = last[end];
        mode[i] = mode[end];
        length[i] = length[end];
        first[i] = first[end];
        lastSeen[i] = lastSeen[end];
        destination[i] = destination[end];
        switches[i] = switches[end];
    }

    private void grow(int capacity) {
        last = java.util.Arrays.copyOf(last, capacity);
        mode = java.util.Arrays.copyOf(mode, capacity);
        length = java.util.Arrays.copyOf(length, capacity);
        first = java.util.Arrays.copyOf(first, capacity);
        lastSeen = java.util.Arrays.copyOf(lastSeen, capacity);
        destination = java.util.Arrays.copyOf(destination, capacity);
        switches = java.util.Arrays.copyOf(switches, capacity);
    }

    static int swap(int id) {
        return ((id & 0xff) << 8) | (id >>> 8);
    }
}
