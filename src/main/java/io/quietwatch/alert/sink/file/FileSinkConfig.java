package io.quietwatch.alert.sink.file;

import io.quietwatch.config.SinkConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Alerts as JSON lines in a file ({@code type: file}).
 *
 * @param name       sink name (default {@code alerts-file})
 * @param path       file to append to (default {@code var/alerts.jsonl})
 * @param maxSizeMb  rotate when the file reaches this many MiB ({@code max_size_mb}, default 100; 0 = never)
 * @param keepFiles  rotated files kept ({@code keep_files}, default 10): {@code alerts.jsonl.1} is the newest
 */
public record FileSinkConfig(String name, String path, Integer maxSizeMb, Integer keepFiles) implements SinkConfig {
    public FileSinkConfig {
        name = name == null ? "alerts-file" : name;
        path = path == null ? "var/alerts.jsonl" : path;
        maxSizeMb = maxSizeMb == null ? 100 : maxSizeMb;
        keepFiles = keepFiles == null ? 10 : keepFiles;
    }

    /** A sink writing to {@code path} with the default rotation. */
    public FileSinkConfig(String name, String path) {
        this(name, path, null, null);
    }

    @Override
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (path.isBlank()) {
            p.add("path: must name a file");
        }
        if (maxSizeMb < 0) {
            p.add("max_size_mb: must not be negative");
        }
        if (keepFiles < 1 || keepFiles > 1000) {
            p.add("keep_files: must be between 1 and 1000");
        }
        return p;
    }
}
