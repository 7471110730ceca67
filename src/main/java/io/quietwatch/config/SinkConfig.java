package io.quietwatch.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * One alert destination ({@code sinks:} list item), selected by its {@code type:}. Each sink type
 * has its own record implementing this (see {@link io.quietwatch.alert.SinkType}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface SinkConfig {
    /** The sink's name, used in logs, counters, routes and the outbox. */
    String name();

    /**
     * Problems with the values, each starting with the key it is about ({@code "smtp_port: 70000 is not a
     * port"}), so they can be shown at the key's line and column. Empty when the values are usable.
     */
    default List<String> problems() {
        return List.of();
    }
}
