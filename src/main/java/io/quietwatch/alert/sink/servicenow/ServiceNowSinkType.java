package io.quietwatch.alert.sink.servicenow;

import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkType;
import io.quietwatch.alert.sink.http.SecretSource;
import io.quietwatch.config.SinkConfig;

/** {@code type: servicenow}: one incident per alert through the Table API. */
public final class ServiceNowSinkType implements SinkType {
    @Override
    public String type() {
        return "servicenow";
    }

    @Override
    public Class<? extends SinkConfig> configClass() {
        return ServiceNowSinkConfig.class;
    }

    @Override
    public AlertSink create(SinkConfig config, Context context) {
        return new ServiceNowSink((ServiceNowSinkConfig) config, SecretSource.system(context.home()), context.clock());
    }
}
