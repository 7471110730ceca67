package io.quietwatch.alert.sink.thehive;

import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkType;
import io.quietwatch.alert.sink.http.SecretSource;
import io.quietwatch.config.SinkConfig;

/** {@code type: thehive}: one TheHive 5 alert per QuietWatch alert, with observables. */
public final class TheHiveSinkType implements SinkType {
    @Override
    public String type() {
        return "thehive";
    }

    @Override
    public Class<? extends SinkConfig> configClass() {
        return TheHiveSinkConfig.class;
    }

    @Override
    public AlertSink create(SinkConfig config, Context context) {
        return new TheHiveSink((TheHiveSinkConfig) config, SecretSource.system(context.home()), context.clock());
    }
}
