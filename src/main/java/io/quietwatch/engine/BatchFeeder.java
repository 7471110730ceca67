package io.quietwatch.engine;

import io.quietwatch.event.LogEvent;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Feeds events to a consumer (the rule engine) on its own thread, in the order they were added, in
 * batches: the thread that reads and parses lines and the thread that runs the rules then work at
 * the same time. Used by {@code replay}, where the input can go as fast as the two stages allow.
 */
public final class BatchFeeder implements AutoCloseable {
    private static final LogEvent[] END = new LogEvent[0];
    private static final int BATCH = 1024;

    // A short queue: the parsing thread usually outruns the rules, and every event waiting here is
    // still alive at the next young collection, which must copy it.
    private final BlockingQueue<LogEvent[]> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private volatile Throwable failure;
    private LogEvent[] batch = new LogEvent[BATCH];
    private int size;
    private boolean closed;

    public BatchFeeder(Consumer<LogEvent> consumer, String threadName) {
        thread = new Thread(() -> {
            try {
                while (true) {
                    LogEvent[] b = queue.take();
                    if (b == END) {
                        return;
                    }
                    for (LogEvent e : b) {
                        if (e == null) {
                            break;
                        }
                        consumer.accept(e);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure = e;
                queue.clear();
            }
        }, threadName);
        thread.start();
    }

    /** Adds one event; blocks when the consumer is far behind. */
    public void add(LogEvent event) {
        batch[size++] = event;
        if (size == BATCH) {
            hand(batch);
            batch = new LogEvent[BATCH];
            size = 0;
        }
    }

    /** Hands over what is left, waits until the consumer has taken everything, and rethrows its failure. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (size > 0) {
            hand(batch);
        }
        hand(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rethrow();
    }

    private void hand(LogEvent[] b) {
        try {
            while (!queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!thread.isAlive()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
}
