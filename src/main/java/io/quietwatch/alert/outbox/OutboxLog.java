package io.quietwatch.alert.outbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quietwatch.alert.AlertJson;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The outbox on disk: append-only segment files {@code segment-<first seq>.jsonl}, one record per line
 * ({@code {"seq":n,"sinks":[...],"alert":{...}}}). Written by one thread; {@link #force()} makes what
 * was appended durable. On open, a half-written last line (a crash mid-write) is cut off.
 */
final class OutboxLog implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(OutboxLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private final Path dir;
    private final long segmentBytes;
    private FileChannel current;
    private long currentSize;
    private long lastSeq;

    OutboxLog(Path dir, long segmentBytes) throws IOException {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        Files.createDirectories(dir);
        List<Path> segments = segments();
        if (!segments.isEmpty()) {
            Path last = segments.get(segments.size() - 1);
            repair(last);
            lastSeq = lastSeqIn(last, firstSeq(last) - 1);
            current = FileChannel.open(last, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            currentSize = current.size();
        }
    }

    /** Highest sequence number written (0 when empty). */
    long lastSeq() {
        return lastSeq;
    }

    /** Appends one record (not yet durable). */
    void append(OutboxRecord r) throws IOException {
        byte[] line = (toJson(r) + "\n").getBytes(StandardCharsets.UTF_8);
        if (current == null || currentSize > 0 && currentSize + line.length > segmentBytes) {
            roll(r.seq());
        }
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
            current.write(buf);
        }
        currentSize += line.length;
        lastSeq = r.seq();
    }

    /** Makes everything appended so far durable (fsync). */
    void force() throws IOException {
        if (current != null) {
            current.force(false);
        }
    }

    /** Records with {@code seq >= from}, read from disk, in order. */
    List<OutboxRecord> read(long from, int max) throws IOException {
        List<OutboxRecord> out = new ArrayList<>();
        List<Path> segments = segments();
        for (int i = 0; i < segments.size() && out.size() < max; i++) {
            long nextFirst = i + 1 < segments.size() ? firstSeq(segments.get(i + 1)) : Long.MAX_VALUE;
            if (nextFirst <= from) {
                continue;
            }
            try (BufferedReader in = Files.newBufferedReader(segments.get(i), StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null && out.size() < max) {
                    OutboxRecord r = parse(line);
                    if (r != null && r.seq() >= from) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    /** Deletes segments whose records are all at or below {@code seq} (delivered everywhere). */
    void deleteThrough(long seq) throws IOException {
        List<Path> segments = segments();
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (firstSeq(segments.get(i + 1)) - 1 <= seq) {
                Files.deleteIfExists(segments.get(i));
            }
        }
    }

    static String toJson(OutboxRecord r) {
        StringWriter w = new StringWriter(1024);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("seq", r.seq());
            g.writeArrayFieldStart("sinks");
            for (String s : r.sinks()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeFieldName("alert");
            AlertJson.write(r.alert(), g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    static OutboxRecord parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(line);
            List<String> sinks = new ArrayList<>();
            n.path("sinks").forEach(s -> sinks.add(s.asText()));
            return new OutboxRecord(n.path("seq").asLong(), sinks, AlertJson.read(n.path("alert")));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Outbox: skipping an unreadable record: {}", e.toString());
            return null;
        }
    }

    private void roll(long firstSeq) throws IOException {
        if (current != null) {
            current.force(false);
            current.close();
        }
        Path p = dir.resolve(String.format("segment-%020d.jsonl", firstSeq));
        current = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        currentSize = current.size();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("segment-\\d{20}\\.jsonl")).sorted().toList();
        }
    }

    private static long firstSeq(Path segment) {
        String n = segment.getFileName().toString();
        return Long.parseLong(n.substring(8, 28));
    }

    private static long lastSeqIn(Path segment, long fallback) throws IOException {
        long last = fallback;
        try (BufferedReader in = Files.newBufferedReader(segment, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                OutboxRecord r = parse(line);
                if (r != null) {
                    last = r.seq();
                }
            }
        }
        return last;
    }

    /** Cuts a half-written last line off. */
    private static void repair(Path segment) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size == 0) {
                return;
            }
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, size - 1);
            if (one.get(0) == '\n') {
                return;
            }
            long pos = size - 1;
            while (pos > 0) {
                one.clear();
                ch.read(one, pos - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                pos--;
            }
            LOG.warn("Outbox: cutting {} bytes of a half-written record off {}", size - pos, segment);
            ch.truncate(pos);
        }
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.force(false);
            current.close();
            current = null;
        }
    }
}
