package io.quietwatch.daemon;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * Reloads the rules when a {@code .epl} file in the rules folder is created, changed or deleted, once
 * the folder has been quiet for {@link #QUIET_MILLIS} (an editor's save is often several writes and a
 * rename), on a named daemon thread.
 */
public final class RuleWatcher implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(RuleWatcher.class);
    static final long QUIET_MILLIS = 300;

    private final WatchService watch;
    private final Thread thread;

    private RuleWatcher(WatchService watch, Runnable reload) {
        this.watch = watch;
        this.thread = new Thread(() -> run(reload), "quietwatch-rule-watcher");
        thread.setDaemon(true);
    }

    /** Starts watching {@code dir}; {@code reload} runs after each burst of changes. */
    public static RuleWatcher start(Path dir, Runnable reload) throws IOException {
        WatchService ws = FileSystems.getDefault().newWatchService();
        dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        RuleWatcher w = new RuleWatcher(ws, reload);
        w.thread.start();
        return w;
    }

    private void run(Runnable reload) {
        try {
            while (true) {
                boolean rules = drain(watch.take());
                WatchKey more;
                while ((more = watch.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    rules |= drain(more);
                }
                if (rules) {
                    try {
                        reload.run();
                    } catch (RuntimeException e) {
                        LOG.error("Rule reload failed: {}", e.toString(), e);
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** True when an event concerns a rule file (editors' swap and backup files do not count). */
    private static boolean drain(WatchKey key) {
        boolean rules = false;
        for (WatchEvent<?> ev : key.pollEvents()) {
            rules |= ev.kind() == StandardWatchEventKinds.OVERFLOW
                    || ev.context() instanceof Path p && p.getFileName().toString().endsWith(".epl");
        }
        key.reset();
        return rules;
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service: {}", e.toString());
        }
        thread.interrupt();
    }
}
