package io.quietwatch.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One alert destination ({@code sinks:} list item), selected by its {@code type:}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = FileSinkConfig.class, name = "file")})
public sealed interface SinkConfig permits FileSinkConfig {
    /** The sink's name, used in logs and counters. */
    String name();
}
