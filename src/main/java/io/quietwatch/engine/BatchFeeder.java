package io.quietwatch.engine;

import io.quietwatch.event.LogEvent;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns lines into events on worker threads and feeds the events to a consumer (the rule engine) on
 * its own thread, in the order the lines were added. Used by {@code replay}: the thread that reads the
 * file, the parsers and the rules then all work at the same time, and the engine still sees the
 * events in file order, which its event-time clock needs.
 *
 * <p>Lines travel in batches. Each batch takes a place in a short ordered queue when it is handed
 * over and is parsed by whichever worker is free; the consumer thread takes the batches from that
 * queue in order. When the batch it needs next is not parsed yet, the consumer parses one of the
 * batches still waiting for a worker instead of idling (parsing is the slower side with few rules),
 * then looks again. Lifecycle:
 * <ol>
 *   <li>construct: starts the workers and the consumer thread;</li>
 *   <li>{@link #add} each line, from one thread;</li>
 *   <li>{@link #close}: hands over the last batch, waits until the consumer has taken every event,
 *       stops the threads and rethrows what failed in any of them.</li>
 * </ol>
 */
public final class BatchFeeder implements AutoCloseable {
    private static final int BATCH = 1024;
    private static final Batch END = new Batch(new String[0], 0);

    private final Function<String, LogEvent> parse;
    // A short queue: every event waiting here is still alive at the next young collection, which must copy it.
    private final BlockingQueue<Batch> ordered;
    private final BlockingQueue<Batch> work;
    private final Thread consumerThread;
    private final Thread[] workers;
    // written by the consumer thread only; read after close() has joined it
    private long parsed;
    private volatile Throwable failure;
    private String[] lines = new String[BATCH];
    private int size;
    private boolean closed;

    /**
     * @param parse       the event of a line, or null when the line is not parsed; called on the workers
     * @param consumer    takes the events in line order, on the consumer thread
     * @param parsers     number of worker threads parsing
     * @param threadName  name of the consumer thread; the workers get it with {@code -parse-N}
     */
    public BatchFeeder(Function<String, LogEvent> parse, Consumer<LogEvent> consumer, int parsers, String threadName) {
        if (parsers < 1) {
            throw new IllegalArgumentException("parsers must be at least 1, not " + parsers);
        }
        this.parse = parse;
        this.ordered = new ArrayBlockingQueue<>(2 + 2 * parsers);
        this.work = new ArrayBlockingQueue<>(2 + 2 * parsers);
        consumerThread = new Thread(() -> consume(consumer), threadName);
        workers = new Thread[parsers];
        for (int i = 0; i < parsers; i++) {
            workers[i] = new Thread(this::parseBatches, threadName + "-parse-" + i);
            workers[i].setDaemon(true);
            workers[i].start();
        }
        consumerThread.start();
    }

    /**
     * Default number of parse workers: one per processor but the one the rules keep busy (the reader mostly
     * waits; the consumer parses too when it would wait). On two cores one worker replays faster than two:
     * 911,000-925,000 against 805,000-844,000 lines/s with two rules, the workers otherwise taking turns with
     * the rules thread.
     */
    public static int defaultParsers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Adds one line; blocks when the parsers or the consumer are far behind. */
    public void add(String line) {
        lines[size++] = line;
        if (size == BATCH) {
            hand(new Batch(lines, size));
            lines = new String[BATCH];
            size = 0;
        }
    }

    /** Lines that gave an event; read it once {@link #close} has returned. */
    public long parsed() {
        return parsed;
    }

    /** Hands over what is left, waits until the consumer has taken everything, and rethrows a failure. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (size > 0) {
                hand(new Batch(lines, size));
            }
            offer(ordered, END);
            consumerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // once the consumer is done every batch was parsed: the workers only wait for more
            for (Thread w : workers) {
                w.interrupt();
            }
        }
        rethrow();
    }

    private void hand(Batch b) {
        // the ordered place first: a worker may finish the batch before the consumer looks for it
        if (offer(ordered, b)) {
            offer(work, b);
        }
    }

    private boolean offer(BlockingQueue<Batch> queue, Batch b) {
        try {
            while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!consumerThread.isAlive()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void parseBatches() {
        try {
            while (true) {
                if (!parseBatch(work.take())) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Parses one batch taken from the work queue; false when the parse failed. */
    private boolean parseBatch(Batch b) {
        try {
            b.parse(parse);
            return true;
        } catch (RuntimeException | Error e) {
            fail(e); // before the batch counts as done, so the consumer does not feed half of it
            return false;
        } finally {
            b.done.countDown();
        }
    }

    private void consume(Consumer<LogEvent> consumer) {
        try {
            while (true) {
                Batch b = ordered.take();
                if (b == END) {
                    return;
                }
                // a worker that failed may leave this batch unparsed, or parsed in part
                // while the parsers are behind, this thread parses a waiting batch itself rather than idle
                boolean done = b.done.getCount() == 0;
                while (!done && failure == null) {
                    Batch waiting = work.poll();
                    if (waiting == null) {
                        done = b.done.await(100, TimeUnit.MILLISECONDS);
                    } else if (parseBatch(waiting)) {
                        done = b.done.getCount() == 0;
                    }
                }
                if (failure != null) {
                    return;
                }
                for (int i = 0; i < b.size; i++) {
                    LogEvent e = b.events[i];
                    if (e != null) {
                        parsed++;
                        consumer.accept(e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e;
        }
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error err) {
            throw err;
        }
    }

    /** Lines in, events out (null where a line gave none); parsed by one worker. */
    private static final class Batch {
        final String[] lines;
        final int size;
        final LogEvent[] events;
        final CountDownLatch done = new CountDownLatch(1);

        Batch(String[] lines, int size) {
            this.lines = lines;
            this.size = size;
            this.events = new LogEvent[size];
        }

        void parse(Function<String, LogEvent> parse) {
            for (int i = 0; i < size; i++) {
                events[i] = parse.apply(lines[i]);
                lines[i] = null;
            }
        }
    }
}
