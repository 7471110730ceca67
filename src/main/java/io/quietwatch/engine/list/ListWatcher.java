package io.quietwatch.engine.list;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;

/**
 * Reloads a list when its file in the lists folder is created, changed or deleted, on a named daemon
 * thread. A file with problems is logged as {@code path:line:column: message} and the list keeps its
 * last good entries.
 */
public final class ListWatcher implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(ListWatcher.class);

    private final WatchService watch;
    private final Thread thread;

    private ListWatcher(ListStore store, WatchService watch) {
        this.watch = watch;
        this.thread = new Thread(() -> run(store), "quietwatch-list-watcher");
        thread.setDaemon(true);
    }

    /** Starts watching the store's folder (created if missing). */
    public static ListWatcher start(ListStore store) throws IOException {
        Files.createDirectories(store.dir());
        WatchService ws = FileSystems.getDefault().newWatchService();
        store.dir().register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        ListWatcher w = new ListWatcher(store, ws);
        w.thread.start();
        return w;
    }

    private void run(ListStore store) {
        try {
            while (true) {
                WatchKey key = watch.take();
                for (WatchEvent<?> ev : key.pollEvents()) {
                    if (ev.context() instanceof Path p && ListStore.nameOf(p) != null) {
                        List<String> problems = store.reload(store.dir().resolve(p));
                        problems.forEach(msg -> LOG.error("List not reloaded: {}", msg));
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
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
