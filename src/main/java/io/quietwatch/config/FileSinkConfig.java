package io.quietwatch.config;

/**
 * Alerts as JSON lines in a file ({@code type: file}).
 *
 * @param name sink name (default {@code alerts-file})
 * @param path file to append to (default {@code var/alerts.jsonl})
 */
public record FileSinkConfig(String name, String path) implements SinkConfig {
    public FileSinkConfig {
        name = name == null ? "alerts-file" : name;
        path = path == null ? "var/alerts.jsonl" : path;
    }
}
