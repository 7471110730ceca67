package io.quietwatch.alert;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each alert as one JSON line to a file ({@code var/alerts.jsonl} by default), flushed after
 * every alert so that a reader (or a crash) never sees half an alert.
 */
public final class JsonLinesFileSink implements AlertSink {
    private static final Logger LOG = LogManager.getLogger(JsonLinesFileSink.class);

    private final String name;
    private final Path path;
    private BufferedWriter out;

    public JsonLinesFileSink(String name, Path path) {
        this.name = name;
        this.path = path;
    }

    @Override
    public String name() {
        return name;
    }

    /** The file written to. */
    public Path path() {
        return path;
    }

    @Override
    public synchronized void start() throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized Outcome deliver(Alert alert) {
        if (out == null) {
            return Outcome.RETRY_LATER;
        }
        try {
            out.write(AlertJson.toJson(alert));
            out.write('\n');
            out.flush();
            return Outcome.DELIVERED;
        } catch (IOException | RuntimeException e) {
            LOG.error("Sink {}: cannot write alert {} to {}: {}", name, alert.id(), path, e.toString());
            return Outcome.RETRY_LATER;
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("Sink {}: closing {} failed: {}", name, path, e.toString());
            }
            out = null;
        }
    }
}
