package io.quietwatch.alert;

import io.quietwatch.config.SinkConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * One kind of sink, selected by {@code type:} in the {@code sinks:} list of the config. Each sink
 * package provides one, listed in {@code META-INF/services/io.quietwatch.alert.SinkType}; the config
 * loader binds {@code type: <type()>} entries to {@link #configClass()}.
 */
public interface SinkType {

    /** What the sink needs from its surroundings. */
    record Context(Path home, Clock clock) {
    }

    /** The {@code type:} value, e.g. {@code email}. */
    String type();

    /** The typed configuration record of this sink (snake_case keys in YAML, unknown keys rejected). */
    Class<? extends SinkConfig> configClass();

    /** A sink for one configuration entry (not started). */
    AlertSink create(SinkConfig config, Context context);

    /** Every sink type on the class path, by type name. */
    static Map<String, SinkType> all() {
        Map<String, SinkType> types = new TreeMap<>();
        for (SinkType t : ServiceLoader.load(SinkType.class)) {
            types.put(t.type(), t);
        }
        return types;
    }
}
