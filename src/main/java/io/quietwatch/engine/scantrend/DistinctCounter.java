package io.quietwatch.engine.scantrend;

/**
 * Counts distinct values in bounded memory: exactly while there are few of them (a set of 64-bit
 * hashes, up to {@value #EXACT_LIMIT}), then as a HyperLogLog sketch of 2^{@value #PRECISION} one-byte
 * registers (2 KiB, standard error about 2.3 %; Flajolet et al. 2007), read with Ertl's improved
 * estimator ("New cardinality estimation algorithms for HyperLogLog sketches", 2017), which needs no
 * bias tables or range corrections. Never more than about 2 KiB, however many sources a flood brings.
 * Not thread-safe.
 */
public final class DistinctCounter {
    static final int EXACT_LIMIT = 128;
    static final int PRECISION = 11;
    private static final int REGISTERS = 1 << PRECISION;
    /** Bits of the hash left after the register index. */
    private static final int Q = 64 - PRECISION;
    private static final double ALPHA_INF = 0.5 / Math.log(2);

    /** Exact phase: open addressing, 0 = empty slot (hash 0 is stored as 1). Null once sketching. */
    private long[] set = new long[8];
    private int size;
    private byte[] registers;

    /** Adds a value (null is ignored). */
    public void add(String value) {
        if (value != null) {
            addHash(hash(value));
        }
    }

    /** Adds an int value (e.g. a port). */
    public void add(int value) {
        addHash(mix(value * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
    }

    /** Adds a value already hashed to 64 well-mixed bits. */
    public void addHash(long h) {
        if (registers != null) {
            offer(h);
            return;
        }
        long k = h == 0 ? 1 : h;
        int mask = set.length - 1;
        int i = (int) (k ^ (k >>> 32)) & mask;
        while (set[i] != 0) {
            if (set[i] == k) {
                return;
            }
            i = (i + 1) & mask;
        }
        set[i] = k;
        size++;
        if (size > EXACT_LIMIT) {
            toSketch();
        } else if (size * 2 > set.length) {
            grow();
        }
    }

    /** Adds every value of {@code other} (a set union). */
    public void addAll(DistinctCounter other) {
        if (other.registers != null) {
            if (registers == null) {
                toSketch();
            }
            for (int i = 0; i < REGISTERS; i++) {
                registers[i] = (byte) Math.max(registers[i], other.registers[i]);
            }
            return;
        }
        for (long k : other.set) {
            if (k != 0) {
                addHash(k);
            }
        }
    }

    /** The number of distinct values added: exact up to {@value #EXACT_LIMIT}, estimated above. */
    public long estimate() {
        if (registers == null) {
            return size;
        }
        int[] c = new int[Q + 2];
        for (byte r : registers) {
            c[r]++;
        }
        double z = REGISTERS * tau(1.0 - (double) c[Q + 1] / REGISTERS);
        for (int k = Q; k >= 1; k--) {
            z = 0.5 * (z + c[k]);
        }
        z += REGISTERS * sigma((double) c[0] / REGISTERS);
        return Math.max(EXACT_LIMIT + 1, Math.round(ALPHA_INF * REGISTERS * REGISTERS / z));
    }

    private static double sigma(double x) {
        if (x == 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        double y = 1;
        double z = x;
        double previous;
        do {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        } while (z != previous);
        return z;
    }

    private static double tau(double x) {
        if (x == 0.0 || x == 1.0) {
            return 0.0;
        }
        double y = 1.0;
        double z = 1 - x;
        double previous;
        do {
            x = Math.sqrt(x);
            previous = z;
            y *= 0.5;
            z -= (1 - x) * (1 - x) * y;
        } while (z != previous);
        return z / 3;
    }

    /** Whether the count is still exact. */
    public boolean exact() {
        return registers == null;
    }

    /** Bytes of storage held (the hash set or the registers): never more than 2 KiB. */
    int storageBytes() {
        return registers != null ? registers.length : set.length * Long.BYTES;
    }

    private void offer(long h) {
        int idx = (int) (h >>> (64 - PRECISION));
        int rank = Long.numberOfLeadingZeros((h << PRECISION) | (1L << (PRECISION - 1))) + 1;
        if (rank > registers[idx]) {
            registers[idx] = (byte) rank;
        }
    }

    private void grow() {
        long[] old = set;
        set = new long[old.length * 2];
        size = 0;
        for (long k : old) {
            if (k != 0) {
                addHash(k);
            }
        }
    }

    private void toSketch() {
        registers = new byte[REGISTERS];
        long[] old = set;
        set = null;
        for (long k : old) {
            if (k != 0) {
                offer(k);
            }
        }
    }

    /** A 64-bit hash of the characters (FNV-1a, then the MurmurHash3 finaliser to spread the bits). */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    @Override
    public String toString() {
        return (exact() ? "exactly " : "about ") + estimate();
    }
}
