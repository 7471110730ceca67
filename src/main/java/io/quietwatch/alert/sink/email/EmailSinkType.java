package io.quietwatch.alert.sink.email;

import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkType;
import io.quietwatch.config.SinkConfig;

/** {@code type: email}: alerts as e-mail over SMTP, one mail per alert or batched into digests. */
public final class EmailSinkType implements SinkType {
    @Override
    public String type() {
        return "email";
    }

    @Override
    public Class<? extends SinkConfig> configClass() {
        return EmailSinkConfig.class;
    }

    @Override
    public AlertSink create(SinkConfig config, Context context) {
        return new EmailSink((EmailSinkConfig) config, context);
    }
}
