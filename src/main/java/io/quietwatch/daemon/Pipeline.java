package io.quietwatch.daemon;

import io.quietwatch.engine.RuleEngine;
import io.quietwatch.ingest.InputCounters;
import io.quietwatch.ingest.InputEndpoint;
import io.quietwatch.ingest.RawMessage;
import io.quietwatch.parse.LineParser;
import io.quietwatch.parse.ParseResult;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one thread between the inputs' queue and the rule engine: decodes each message, parses it
 * with its input's parser, sends the event to the engine, and dead-letters what cannot be parsed.
 * It also ticks the engine clock with the wall clock at least once a second, so timers fire when
 * traffic is idle or late.
 */
public final class Pipeline implements Runnable {
    private static final Logger LOG = LogManager.getLogger(Pipeline.class);
    private static final int BATCH = 512;
    private static final long TICK_MILLIS = 1000;

    private final BlockingQueue<RawMessage> queue;
    private final Map<InputEndpoint, LineParser> parsers;
    private final RuleEngine engine;
    private final DeadLetterLog deadLetters;
    private final Clock clock;
    private final LongAdder processed = new LongAdder();
    private final java.util.Queue<Runnable> tasks = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean stopping;
    private long lastTick;

    public Pipeline(BlockingQueue<RawMessage> queue, Map<InputEndpoint, LineParser> parsers, RuleEngine engine,
                    DeadLetterLog deadLetters, Clock clock) {
        this.queue = queue;
        this.parsers = new IdentityHashMap<>(parsers);
        this.engine = engine;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Override
    public void run() {
        List<RawMessage> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                if (queue.drainTo(batch, BATCH) == 0) {
                    if (stopping) {
                        break;
                    }
                    RawMessage m = queue.poll(250, TimeUnit.MILLISECONDS);
                    if (m != null) {
                        batch.add(m);
                    }
                }
                for (RawMessage m : batch) {
                    process(m);
                }
                batch.clear();
                runTasks();
                long now = clock.millis();
                if (now - lastTick >= TICK_MILLIS) {
                    lastTick = now;
                    engine.tick();
                }
            } catch (InterruptedException e) {
                stopping = true;
            } catch (RuntimeException e) {
                // one bad message must not stop the pipeline
                LOG.error("Pipeline error, continuing: {}", e.toString(), e);
                batch.clear();
            }
        }
        runTasks();
        LOG.info("Pipeline drained and stopped after {} messages", processed.sum());
    }

    /**
     * Runs {@code task} on the pipeline thread between two batches of events (within about 250 ms),
     * so it may change the engine safely; the future completes with its result or its exception.
     */
    public <T> java.util.concurrent.CompletableFuture<T> submit(java.util.function.Supplier<T> task) {
        java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
        tasks.add(() -> {
            try {
                f.complete(task.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    void process(RawMessage m) {
        InputCounters counters = m.endpoint().counters();
        String line = new String(m.bytes(), StandardCharsets.UTF_8);
        ParseResult r = parsers.get(m.endpoint()).parse(line);
        if (r instanceof ParseResult.Parsed p) {
            counters.parsed.increment();
            engine.send(p.event());
        } else {
            counters.unparsed.increment();
            String reason = r instanceof ParseResult.Malformed bad ? bad.reason() : "no parser recognises this line";
            deadLetters.offer(m.endpoint().name(), m.sender() == null ? null : m.sender().getHostAddress(), reason, line);
        }
        processed.increment();
    }

    /** Messages taken off the queue and handled (parsed or dead-lettered). */
    public long processed() {
        return processed.sum();
    }

    /** Asks the thread to finish what is queued and stop. */
    public void stop() {
        stopping = true;
    }
}
