package io.quietwatch.engine;

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
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches one folder on a named daemon thread and reports the names of the files created, changed or
 * deleted in it, in bursts: after the first change it waits until the folder has been quiet for
 * {@code quietMillis} (an editor's save is often several writes and a rename). The names are relative
 * to the folder; after an overflow of the kernel's queue the set is empty (anything may have changed).
 */
public final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(FolderWatcher.class);

    private final WatchService watch;
    private final Thread thread;

    private FolderWatcher(WatchService watch, String threadName, long quietMillis, Consumer<Set<Path>> onChange) {
        this.watch = watch;
        this.thread = new Thread(() -> run(quietMillis, onChange), threadName);
        thread.setDaemon(true);
    }

    /** Starts watching {@code dir}; {@code onChange} runs on the watcher's thread after each burst. */
    public static FolderWatcher start(Path dir, String threadName, long quietMillis, Consumer<Set<Path>> onChange)
            throws IOException {
        WatchService ws = FileSystems.getDefault().newWatchService();
        dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        FolderWatcher w = new FolderWatcher(ws, threadName, quietMillis, onChange);
        w.thread.start();
        return w;
    }

    private void run(long quietMillis, Consumer<Set<Path>> onChange) {
        try {
            while (true) {
                Set<Path> changed = new LinkedHashSet<>();
                drain(watch.take(), changed);
                WatchKey more;
                while (quietMillis > 0 && (more = watch.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
                    drain(more, changed);
                }
                try {
                    onChange.accept(changed);
                } catch (RuntimeException e) {
                    LOG.error("Handling a change in a watched folder failed: {}", e.toString(), e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private static void drain(WatchKey key, Set<Path> changed) {
        for (WatchEvent<?> ev : key.pollEvents()) {
            if (ev.context() instanceof Path p) {
                changed.add(p);
            }
        }
        key.reset();
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
