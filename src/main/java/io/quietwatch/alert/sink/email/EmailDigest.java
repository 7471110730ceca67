package io.quietwatch.alert.sink.email;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSink.Delivery;
import io.quietwatch.alert.AlertSink.Outcome;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Digest mode: alerts are spooled to disk and mailed together on the sink's own timer thread. The
 * first alert into an empty spool opens a period; when it ends, everything waiting goes out as one
 * mail. After a restart, a period that began before it ends as it would have. A digest the server
 * refuses for now is tried again after {@code min(period, 1 minute)} (or the server's hint); one it
 * refuses for good is set aside as {@code <spool>.rejected-<millis>} and logged as an error.
 */
final class EmailDigest implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(EmailDigest.class);
    private static final long MAX_RETRY_MILLIS = 60_000;

    /** Sends one digest mail. */
    interface Mailer {
        Delivery send(List<Alert> alerts);
    }

    private final String sink;
    private final DigestSpool spool;
    private final long periodMillis;
    private final Clock clock;
    private final Mailer mailer;
    private final ScheduledThreadPoolExecutor timer;
    private boolean scheduled;
    private long leftOver = -1;

    EmailDigest(String sink, DigestSpool spool, Duration period, Clock clock, Mailer mailer) {
        this.sink = sink;
        this.spool = spool;
        this.periodMillis = period.toMillis();
        this.clock = clock;
        this.mailer = mailer;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "quietwatch-email-digest-" + sink);
            t.setDaemon(true);
            return t;
        });
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Opens the spool, and finds what an earlier run left waiting. */
    void open() throws IOException {
        leftOver = spool.open();
    }

    /** Starts the timer: a digest left waiting by an earlier run is due one period after its oldest alert. */
    void resume() {
        if (leftOver >= 0) {
            schedule(Math.max(0, leftOver + periodMillis - clock.millis()));
        }
    }

    /** Spools the alert; delivered once it is on disk. */
    Delivery add(Alert alert) {
        try {
            if (spool.append(alert, clock.millis())) {
                schedule(periodMillis);
            }
            return new Delivery(Outcome.DELIVERED, 0, "spooled for the next digest", 0);
        } catch (IOException | RuntimeException e) {
            LOG.error("Sink {}: cannot spool alert {} to {}: {}", sink, alert.id(), spool.file(), e.toString());
            return Delivery.retry(0, SmtpFailures.oneLine("cannot write the digest spool " + spool.file() + ": " + e), 0);
        }
    }

    /** Sends what is waiting now, on the calling thread (also what the timer runs). */
    void flush() {
        synchronized (this) {
            scheduled = false;
        }
        DigestSpool.Batch batch;
        try {
            batch = spool.take();
        } catch (IOException | RuntimeException e) {
            LOG.error("Sink {}: cannot read the digest spool {}: {}", sink, spool.file(), e.toString());
            schedule(Math.min(periodMillis, MAX_RETRY_MILLIS));
            return;
        }
        Delivery d = batch.alerts().isEmpty() ? null : mailer.send(batch.alerts());
        try {
            if (d == null) {
                spool.sent();
            } else if (d.outcome() == Outcome.DELIVERED) {
                spool.sent();
                LOG.info("Sink {}: digest of {} alert(s) sent", sink, batch.alerts().size());
            } else if (d.outcome() == Outcome.REJECTED) {
                Path aside = spool.refused(clock.millis());
                LOG.error("Sink {}: digest of {} alert(s) refused for good ({}); kept in {}", sink,
                        batch.alerts().size(), d.reason(), aside);
            } else {
                LOG.warn("Sink {}: digest of {} alert(s) not sent, will retry: {}", sink, batch.alerts().size(), d.reason());
                schedule(d.retryAfterMillis() > 0 ? d.retryAfterMillis() : Math.min(periodMillis, MAX_RETRY_MILLIS));
                return;
            }
        } catch (IOException e) {
            LOG.error("Sink {}: digest spool {}: {}", sink, spool.file(), e.toString());
        }
        long waiting = spool.oldestWaiting();
        if (waiting >= 0) {
            schedule(Math.max(0, waiting + periodMillis - clock.millis()));
        }
    }

    private synchronized void schedule(long delayMillis) {
        if (scheduled || timer.isShutdown()) {
            return;
        }
        scheduled = true;
        timer.schedule(this::flushQuietly, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.error("Sink {}: digest failed: {}", sink, e.toString());
            schedule(Math.min(periodMillis, MAX_RETRY_MILLIS));
        }
    }

    /** Stops the timer (waiting for a digest being sent); what is spooled stays for the next start. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        spool.close();
    }
}
