package io.quietwatch.alert.sink.file;

import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkType;
import io.quietwatch.config.SinkConfig;

/** {@code type: file}: alerts as JSON lines in a file, rotated by size. */
public final class FileSinkType implements SinkType {
    @Override
    public String type() {
        return "file";
    }

    @Override
    public Class<? extends SinkConfig> configClass() {
        return FileSinkConfig.class;
    }

    @Override
    public AlertSink create(SinkConfig config, Context context) {
        FileSinkConfig c = (FileSinkConfig) config;
        return new FileSink(c, context.home().resolve(c.path()));
    }
}
