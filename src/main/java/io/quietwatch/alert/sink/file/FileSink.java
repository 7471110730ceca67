package io.quietwatch.alert.sink.file;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertJson;
import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Appends each alert as one JSON line to a file ({@code var/alerts.jsonl} by default), flushed after
 * every alert so a reader never sees half an alert, and rotated by size: {@code alerts.jsonl.1} is the
 * newest rotated file, up to {@code keep_files} are kept.
 */
public final class FileSink implements AlertSink {
    private static final Logger LOG = LogManager.getLogger(FileSink.class);

    private final FileSinkConfig config;
    private final Path path;
    private final long maxBytes;
    private OutputStream out;
    private long size;

    public FileSink(FileSinkConfig config, Path path) {
        this.config = config;
        this.path = path;
        this.maxBytes = config.maxSizeMb() * 1024L * 1024L;
    }

    @Override
    public String name() {
        return config.name();
    }

    /** The file written to. */
    public Path path() {
        return path;
    }

    @Override
    public synchronized void start() throws SinkException {
        if (!config.problems().isEmpty()) {
            throw new SinkException(name(), config.problems());
        }
        try {
            open();
        } catch (IOException e) {
            throw new SinkException(name(), "path: cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    private void open() throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(path);
    }

    @Override
    public synchronized Delivery deliver(Alert alert) {
        try {
            if (out == null) {
                open();
            }
            byte[] line = (AlertJson.toJson(alert) + "\n").getBytes(StandardCharsets.UTF_8);
            if (maxBytes > 0 && size > 0 && size + line.length > maxBytes) {
                rotate();
            }
            out.write(line);
            out.flush();
            size += line.length;
            return Delivery.delivered(0);
        } catch (IOException | RuntimeException e) {
            LOG.error("Sink {}: cannot write alert {} to {}: {}", name(), alert.id(), path, e.toString());
            closeQuietly();
            return Delivery.retry(0, e.toString(), 0);
        }
    }

    private void rotate() throws IOException {
        closeQuietly();
        for (int i = config.keepFiles(); i >= 1; i--) {
            Path from = i == 1 ? path : sibling(i - 1);
            if (Files.exists(from)) {
                Files.move(from, sibling(i), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        open();
    }

    private Path sibling(int n) {
        return path.resolveSibling(path.getFileName() + "." + n);
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("Sink {}: closing {} failed: {}", name(), path, e.toString());
            }
            out = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
