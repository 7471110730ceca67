package io.quietwatch.engine.list;

import io.quietwatch.engine.FolderWatcher;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reloads a list when its file in the lists folder is created, changed or deleted, on a named daemon
 * thread. A file with problems is logged as {@code path:line:column: message} and the list keeps its
 * last good entries.
 */
public final class ListWatcher implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(ListWatcher.class);

    private final FolderWatcher watcher;

    private ListWatcher(FolderWatcher watcher) {
        this.watcher = watcher;
    }

    /** Starts watching the store's folder (created if missing). */
    public static ListWatcher start(ListStore store) throws IOException {
        Files.createDirectories(store.dir());
        return new ListWatcher(FolderWatcher.start(store.dir(), "quietwatch-list-watcher", 0, changed -> {
            for (Path p : changed) {
                if (ListStore.nameOf(p) != null) {
                    List<String> problems = store.reload(store.dir().resolve(p));
                    problems.forEach(msg -> LOG.error("List not reloaded: {}", msg));
                }
            }
        }));
    }

    @Override
    public void close() {
        watcher.close();
    }
}
