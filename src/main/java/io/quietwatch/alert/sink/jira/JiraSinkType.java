package io.quietwatch.alert.sink.jira;

import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkType;
import io.quietwatch.alert.sink.http.SecretSource;
import io.quietwatch.config.SinkConfig;

/** {@code type: jira}: one Jira issue per alert, on Jira Cloud or Data Center. */
public final class JiraSinkType implements SinkType {
    @Override
    public String type() {
        return "jira";
    }

    @Override
    public Class<? extends SinkConfig> configClass() {
        return JiraSinkConfig.class;
    }

    @Override
    public AlertSink create(SinkConfig config, Context context) {
        return new JiraSink((JiraSinkConfig) config, SecretSource.system(context.home()), context.clock());
    }
}
