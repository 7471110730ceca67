package io.quietwatch.alert.sink.pagerduty;

import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkType;
import io.quietwatch.alert.sink.http.SecretSource;
import io.quietwatch.config.SinkConfig;

/** {@code type: pagerduty}: PagerDuty Events API v2 trigger events, one incident per alert id. */
public final class PagerDutySinkType implements SinkType {
    @Override
    public String type() {
        return "pagerduty";
    }

    @Override
    public Class<? extends SinkConfig> configClass() {
        return PagerDutySinkConfig.class;
    }

    @Override
    public AlertSink create(SinkConfig config, Context context) {
        return new PagerDutySink((PagerDutySinkConfig) config, SecretSource.system(context.home()), context.clock());
    }
}
