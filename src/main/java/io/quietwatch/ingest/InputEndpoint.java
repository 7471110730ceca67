package io.quietwatch.ingest;

import io.quietwatch.config.InputConfig;

/**
 * Identity of one configured input and its counters; every {@link RawMessage} points back to it so
 * the pipeline knows how to parse it and whom to count it against.
 */
public final class InputEndpoint {
    private final InputConfig config;
    private final InputCounters counters = new InputCounters();

    public InputEndpoint(InputConfig config) {
        this.config = config;
    }

    public String name() {
        return config.name();
    }

    public InputConfig config() {
        return config;
    }

    public InputCounters counters() {
        return counters;
    }

    @Override
    public String toString() {
        return config.name();
    }
}
