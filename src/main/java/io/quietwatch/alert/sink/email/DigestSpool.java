package io.quietwatch.alert.sink.email;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quietwatch.alert.Alert;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alerts waiting for the next digest, one JSON line each ({@code {"spooled_at":..,"alert":{..}}}),
 * forced to disk before {@link #append} returns, so a restart loses none. A digest being sent is moved
 * aside to {@code <file>.sending} first: alerts arriving meanwhile go to a fresh spool, and a digest
 * whose sending was cut short by a crash is found and sent again at the next start.
 * Thread-safe.
 */
final class DigestSpool implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(DigestSpool.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Alerts of a batch, and when the oldest was spooled. */
    record Batch(List<Alert> alerts, long oldestSpooledAt) {
    }

    private final Path file;
    private final Path sending;
    private FileChannel out;
    private long oldestSpooledAt = -1;

    DigestSpool(Path file) {
        this.file = file;
        this.sending = file.resolveSibling(file.getFileName() + ".sending");
    }

    Path file() {
        return file;
    }

    /** Creates the folder and opens the file; returns when the oldest waiting alert was spooled, or -1. */
    synchronized long open() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        endLastLine(sending);
        endLastLine(file);
        out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        oldestSpooledAt = oldest(read(file));
        long inSending = oldest(read(sending));
        return inSending < 0 ? oldestSpooledAt : oldestSpooledAt < 0 ? inSending : Math.min(inSending, oldestSpooledAt);
    }

    /** Writes the alert and forces it to disk. Returns true if it is the first alert waiting. */
    synchronized boolean append(Alert alert, long now) throws IOException {
        if (out == null) {
            out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("spooled_at", now);
        line.put("alert", alert);
        ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
        out.force(false);
        boolean first = oldestSpooledAt < 0;
        if (first) {
            oldestSpooledAt = now;
        }
        return first;
    }

    /**
     * Moves the waiting alerts to the sending file (adding to one left by an earlier attempt) and
     * returns everything in it, one entry per alert id (the latest wins), oldest first.
     */
    synchronized Batch take() throws IOException {
        closeOut();
        if (Files.exists(file)) {
            if (Files.exists(sending)) {
                Files.write(sending, Files.readAllBytes(file), StandardOpenOption.APPEND);
                forceFile(sending);
                Files.delete(file);
            } else {
                Files.move(file, sending, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        oldestSpooledAt = -1;
        List<Entry> entries = read(sending);
        Map<String, Alert> byId = new LinkedHashMap<>();
        for (Entry e : entries) {
            byId.remove(e.alert().id());
            byId.put(e.alert().id(), e.alert());
        }
        return new Batch(List.copyOf(byId.values()), oldest(entries));
    }

    /** The batch was sent: forget it. */
    synchronized void sent() throws IOException {
        Files.deleteIfExists(sending);
    }

    /** The batch was refused for good: keep it aside for the administrator, under a new name. */
    synchronized Path refused(long now) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".rejected-" + now);
        Files.move(sending, aside, StandardCopyOption.REPLACE_EXISTING);
        return aside;
    }

    /** When the oldest alert still waiting in the spool (not the sending file) was spooled, or -1. */
    synchronized long oldestWaiting() {
        return oldestSpooledAt;
    }

    @Override
    public synchronized void close() {
        closeOut();
    }

    private void closeOut() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("Digest spool {}: close failed: {}", file, e.toString());
            }
            out = null;
        }
    }

    private record Entry(long spooledAt, Alert alert) {
    }

    private static List<Entry> read(Path p) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(p)) {
            return entries;
        }
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    entries.add(new Entry(node.path("spooled_at").asLong(), JSON.treeToValue(node.get("alert"), Alert.class)));
                } catch (IOException | RuntimeException e) {
                    // a line cut short by a crash during append: that alert was never reported as delivered
                    LOG.warn("Digest spool {} line {}: skipped, not a spooled alert: {}", p, n, e.toString());
                }
            }
        }
        return entries;
    }

    private static long oldest(List<Entry> entries) {
        long oldest = -1;
        for (Entry e : entries) {
            oldest = oldest < 0 ? e.spooledAt() : Math.min(oldest, e.spooledAt());
        }
        return oldest;
    }

    /** A line cut short by a crash gets its line end, so the next alert is not glued to it. */
    private static void endLastLine(Path p) throws IOException {
        if (!Files.exists(p) || Files.size(p) == 0) {
            return;
        }
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, ch.size() - 1);
            if (last.get(0) != '\n') {
                ch.write(ByteBuffer.wrap(new byte[] {'\n'}), ch.size());
                ch.force(false);
            }
        }
    }

    private static void forceFile(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(false);
        }
    }
}
