package io.quietwatch.alert.sink.syslog;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds a blocking socket write: a receiver that stops reading fills the TCP window and would block
 * the sink's delivery thread forever, and {@code SO_TIMEOUT} only bounds reads. When the time is up the
 * socket is closed, which makes the write fail. One named daemon thread per sink, started on first use.
 */
final class SyslogDeadline implements AutoCloseable {
    /** A blocking step. */
    interface Step {
        void run() throws IOException;
    }

    private final String threadName;
    private ScheduledThreadPoolExecutor timer;

    SyslogDeadline(String threadName) {
        this.threadName = threadName;
    }

    /**
     * Runs {@code step}; if it takes longer than {@code millis}, closes {@code victim}.
     *
     * @throws SocketTimeoutException naming {@code what} when the time ran out
     */
    void run(Step step, Closeable victim, int millis, String what) throws IOException {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> alarm = timer().schedule(() -> {
            expired.set(true);
            try {
                victim.close();
            } catch (IOException ignored) {
                // closing is all the alarm can do
            }
        }, millis, TimeUnit.MILLISECONDS);
        try {
            step.run();
        } catch (IOException e) {
            if (expired.get()) {
                SocketTimeoutException t = new SocketTimeoutException(what + " timed out after " + millis + " ms");
                t.initCause(e);
                throw t;
            }
            throw e;
        } finally {
            alarm.cancel(false);
        }
    }

    private synchronized ScheduledThreadPoolExecutor timer() {
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
