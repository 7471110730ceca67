package io.quietwatch.engine.list;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * All active lists, one CSV file each in the lists folder ({@code conf/lists/<name>.csv}). Admins edit
 * the files (reloaded live by {@link ListWatcher}); rules add and remove entries, which are written
 * back to the file. Entries with an expiry are aged out by engine time. A list a rule names but no
 * file holds is simply empty until something is added.
 */
public final class ListStore {
    private static final Logger LOG = LogManager.getLogger(ListStore.class);

    /** Told about every change, so the engine can mirror the lists into its {@code QwList} table. */
    public interface Changes {
        void put(String list, ListEntry entry);

        void removed(String list, String value);
    }

    private final Path dir;
    private final String displayDir;
    private final Map<String, ActiveList> lists = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private volatile Changes changes = new Changes() {
        @Override
        public void put(String list, ListEntry entry) {
        }

        @Override
        public void removed(String list, String value) {
        }
    };
    private volatile long now;

    /**
     * @param dir        the lists folder, or null for lists held in memory only
     * @param displayDir how the folder is named in messages ({@code conf/lists})
     */
    public ListStore(Path dir, String displayDir) {
        this.dir = dir;
        this.displayDir = displayDir;
    }

    /** Where change notifications go. */
    public void onChange(Changes listener) {
        this.changes = listener;
    }

    /** The folder of the list files. */
    public Path dir() {
        return dir;
    }

    /**
     * Checks every list file without loading it.
     *
     * @return problems as {@code path:line:column: message}
     */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        for (Path f : files()) {
            try {
                problems.addAll(ListCsv.parse(Files.readString(f, StandardCharsets.UTF_8), display(f)).problems());
            } catch (IOException e) {
                problems.add(display(f) + ":1:1: cannot read the file: " + e.getMessage());
            }
        }
        return problems;
    }

    /** Loads every list file; a file with problems is not loaded. Returns the problems. */
    public List<String> loadAll() {
        List<String> problems = new ArrayList<>();
        for (Path f : files()) {
            problems.addAll(reload(f));
        }
        return problems;
    }

    /**
     * (Re)loads one list file. When the file has problems the list keeps its previous entries.
     *
     * @return the problems, empty when the file was loaded
     */
    public List<String> reload(Path file) {
        String name = nameOf(file);
        if (name == null) {
            return List.of();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            text = "";
        } catch (IOException e) {
            return List.of(display(file) + ":1:1: cannot read the file: " + e.getMessage());
        }
        ListCsv.Parsed parsed = ListCsv.parse(text, display(file));
        if (!parsed.problems().isEmpty()) {
            return parsed.problems();
        }
        ActiveList list = list(name);
        Map<String, ListEntry> before = byValue(list.entries());
        if (list.replace(parsed.entries(), now)) {
            Map<String, ListEntry> after = byValue(list.entries());
            before.keySet().stream().filter(v -> !after.containsKey(v)).forEach(v -> changes.removed(name, v));
            after.values().stream().filter(e -> !e.equals(before.get(e.value()))).forEach(e -> changes.put(name, e));
            LOG.info("List {} loaded: {} entries", name, list.size());
        }
        return List.of();
    }

    /** True if {@code value} is in list {@code name}. */
    public boolean contains(String name, Object value) {
        ActiveList list = lists.get(name);
        return list != null && list.matches(value);
    }

    /** Adds or refreshes an entry (from a rule); the file is rewritten at the next {@link #flush()}. */
    public void add(String name, ListEntry entry) {
        ActiveList list = list(name);
        if (list.put(entry)) {
            dirty.add(name);
            changes.put(name, entry);
        }
    }

    /** Removes a value (from a rule); the file is rewritten at the next {@link #flush()}. */
    public void remove(String name, String value) {
        ActiveList list = lists.get(name);
        if (list != null && list.remove(value)) {
            dirty.add(name);
            changes.removed(name, value);
        }
    }

    /** Ages out expired entries as of engine time {@code time}. */
    public void advance(long time) {
        this.now = time;
        for (ActiveList list : lists.values()) {
            List<String> gone = list.purge(time);
            if (!gone.isEmpty()) {
                dirty.add(list.name());
                gone.forEach(v -> changes.removed(list.name(), v));
            }
        }
    }

    /** Writes the lists changed since the last flush back to their files (atomically). */
    public void flush() {
        if (dir == null) {
            dirty.clear();
            return;
        }
        for (String name : List.copyOf(dirty)) {
            dirty.remove(name);
            ActiveList list = lists.get(name);
            if (list == null) {
                continue;
            }
            Path file = dir.resolve(name + ".csv");
            try {
                Files.createDirectories(dir);
                Path tmp = dir.resolve("." + name + ".csv.tmp");
                Files.writeString(tmp, ListCsv.format(list.entries()), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                dirty.add(name);
                LOG.warn("Cannot write list {} to {}: {}", name, file, e.toString());
            }
        }
    }

    /** Sizes of the lists, by name. */
    public Map<String, Integer> sizes() {
        Map<String, Integer> out = new TreeMap<>();
        lists.forEach((n, l) -> out.put(n, l.size()));
        return out;
    }

    /** One list, or null. */
    public ActiveList get(String name) {
        return lists.get(name);
    }

    private ActiveList list(String name) {
        return lists.computeIfAbsent(name, ActiveList::new);
    }

    private List<Path> files() {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> nameOf(p) != null && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", dir, e.toString());
            return List.of();
        }
    }

    /** The list name of a file ({@code p2p-users.csv} gives {@code p2p-users}), or null if not a list file. */
    static String nameOf(Path file) {
        String f = file.getFileName().toString();
        return f.endsWith(".csv") && !f.startsWith(".") && f.length() > 4 ? f.substring(0, f.length() - 4) : null;
    }

    private String display(Path f) {
        return displayDir + "/" + f.getFileName();
    }

    private static Map<String, ListEntry> byValue(List<ListEntry> entries) {
        Map<String, ListEntry> m = new java.util.HashMap<>();
        entries.forEach(e -> m.put(e.value(), e));
        return m;
    }
}
