package io.quietwatch.alert.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox folder seen from outside the daemon ({@code bin/quietwatch outbox}): per sink, its position,
 * how many alerts wait and how many are dead-lettered; and putting dead letters back for redelivery.
 * Safe while the daemon runs: the sink's delivery thread picks put-back alerts up when it is idle.
 */
public final class OutboxFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public OutboxFiles(Path dir) {
        this.dir = dir;
    }

    /** Per sink: cursor, pending, dead_lettered, waiting_redelivery. */
    public Map<String, Map<String, Long>> status(List<String> sinks) throws IOException {
        long last = Files.isDirectory(dir) ? new OutboxLog(dir, Long.MAX_VALUE).lastSeq() : 0;
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (String s : sinks) {
            Path c = SinkWorker.cursorFile(dir, s);
            long cursor = Files.exists(c) ? Long.parseLong(Files.readString(c).strip()) : last;
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("cursor", cursor);
            m.put("pending", Math.max(0, last - cursor));
            m.put("dead_lettered", lines(SinkWorker.deadFile(dir, s)));
            m.put("waiting_redelivery", lines(SinkWorker.retryFile(dir, s)));
            out.put(s, m);
        }
        return out;
    }

    /**
     * Puts a sink's dead letters back for delivery; the dead-letter file is kept, renamed with the time.
     *
     * @return how many alerts were put back
     */
    public int redeliver(String sink, long now) throws IOException {
        Path dead = SinkWorker.deadFile(dir, sink);
        if (!Files.exists(dead)) {
            return 0;
        }
        StringBuilder records = new StringBuilder();
        int n = 0;
        for (String line : Files.readAllLines(dead, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record = JSON.readTree(line).path("record");
            if (!record.isMissingNode()) {
                records.append(JSON.writeValueAsString(record)).append('\n');
                n++;
            }
        }
        Files.writeString(SinkWorker.retryFile(dir, sink), records, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Files.move(dead, dir.resolve(sink + ".dead.jsonl.redelivered-" + now));
        return n;
    }

    private static long lines(Path f) throws IOException {
        if (!Files.exists(f)) {
            return 0;
        }
        try (var s = Files.lines(f, StandardCharsets.UTF_8)) {
            return s.filter(l -> !l.isBlank()).count();
        }
    }
}
