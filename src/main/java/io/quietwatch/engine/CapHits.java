package io.quietwatch.engine;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * How often each cap on per-key state (hosts, addresses, ports, incidents) refused a new key. A cap
 * keeps the heap bounded under a flood of unique addresses; its hits are counted here under a fixed
 * name (one per capped structure, so the counters stay few), served in {@code /stats} as {@code caps},
 * and logged at most once a minute per cap. Thread-safe.
 */
public final class CapHits {
    private static final Logger LOG = LogManager.getLogger(CapHits.class);
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;

    private final Map<String, LongAdder> hits = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastLogged = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public CapHits() {
        this(System::nanoTime);
    }

    CapHits(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Lists a cap with no hits yet, so that {@code /stats} shows it from the start. */
    public void declare(String cap) {
        hits.computeIfAbsent(cap, c -> new LongAdder());
    }

    /**
     * Counts one refusal by {@code cap}, whose limit is {@code limit} keys, and logs it unless this cap
     * was logged within the last minute.
     */
    public void hit(String cap, long limit) {
        LongAdder n = hits.computeIfAbsent(cap, c -> new LongAdder());
        n.increment();
        long now = nanoClock.getAsLong();
        AtomicLong last = lastLogged.computeIfAbsent(cap, c -> new AtomicLong(now - LOG_EVERY_NANOS));
        long before = last.get();
        if (now - before >= LOG_EVERY_NANOS && last.compareAndSet(before, now)) {
            LOG.warn("Cap {} reached ({} entries): new keys are not tracked until old ones expire; {} refused so far",
                    cap, limit, n.sum());
        }
    }

    /** Hits of one cap (0 if it never refused anything). */
    public long of(String cap) {
        LongAdder n = hits.get(cap);
        return n == null ? 0 : n.sum();
    }

    /** Every cap declared or hit, by name, with its hits. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        hits.forEach((cap, n) -> m.put(cap, n.sum()));
        return m;
    }
}
