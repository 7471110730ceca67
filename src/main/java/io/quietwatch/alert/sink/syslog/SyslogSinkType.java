package io.quietwatch.alert.sink.syslog;

import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkType;
import io.quietwatch.config.SinkConfig;

/** {@code type: syslog}: alerts as CEF records over syslog (UDP, TCP or TLS) to another SIEM. */
public final class SyslogSinkType implements SinkType {
    @Override
    public String type() {
        return "syslog";
    }

    @Override
    public Class<? extends SinkConfig> configClass() {
        return SyslogSinkConfig.class;
    }

    @Override
    public AlertSink create(SinkConfig config, Context context) {
        return new SyslogSink((SyslogSinkConfig) config, context.home());
    }
}
