package io.quietwatch.alert.sink.webhook;

import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkType;
import io.quietwatch.alert.sink.http.SecretSource;
import io.quietwatch.config.SinkConfig;

/** {@code type: webhook}: each alert's JSON POSTed to a URL, optionally signed. */
public final class WebhookSinkType implements SinkType {
    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public Class<? extends SinkConfig> configClass() {
        return WebhookSinkConfig.class;
    }

    @Override
    public AlertSink create(SinkConfig config, Context context) {
        return new WebhookSink((WebhookSinkConfig) config, SecretSource.system(context.home()), context.clock());
    }
}
