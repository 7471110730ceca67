package io.quietwatch.cli;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertIds;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkException;
import io.quietwatch.alert.SinkType;
import io.quietwatch.config.ConfigLoader;
import io.quietwatch.config.SinkConfig;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code test-sink NAME}: sends one sample alert through a configured sink and prints the outcome. */
@Command(name = "test-sink", description = "Send a sample alert through one sink and print the outcome.")
final class TestSinkCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;
    @Parameters(paramLabel = "NAME", description = "The sink's name in the config.")
    String name;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigLoader.Result r = config.load(err);
        if (!r.ok()) {
            return Main.EXIT_INVALID;
        }
        SinkConfig sc = r.config().sinks().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
        if (sc == null) {
            err.println("no sink is named '" + name + "' (sinks: "
                    + String.join(", ", r.config().sinks().stream().map(SinkConfig::name).toList()) + ")");
            return Main.EXIT_INVALID;
        }
        SinkType type = SinkType.all().values().stream().filter(t -> t.configClass().isInstance(sc)).findFirst().orElseThrow();
        Clock clock = Clock.systemUTC();
        AlertSink sink = type.create(sc, new SinkType.Context(Home.get(), clock));
        try {
            sink.start();
        } catch (SinkException e) {
            e.problems().forEach(p -> err.println(name + ": " + p));
            return Main.EXIT_INVALID;
        }
        try {
            AlertSink.Delivery d = sink.deliver(sample(clock.millis()));
            out.println(name + ": " + d.outcome().name().toLowerCase(java.util.Locale.ROOT)
                    + (d.status() != 0 ? " (status " + d.status() + ")" : "") + (d.reason().isEmpty() ? "" : ": " + d.reason()));
            return d.outcome() == AlertSink.Outcome.DELIVERED ? 0 : 1;
        } finally {
            sink.close();
        }
    }

    /** A recognisable test alert: detection {@code quietwatch-test}, a fresh id each time. */
    static Alert sample(long now) {
        LogEvent e = LogEvent.builder().timestamp(now).observerVendor("QuietWatch").observerProduct("test-sink")
                .category("network").phase("end").outcome("allowed").transport("tcp").sourceIp("10.0.0.5").sourcePort(51234)
                .destinationIp("192.0.2.80").destinationPort(443).durationNanos(3_600_000_000_000L)
                .original("QuietWatch test-sink sample event").build(InternalNetworks.defaults());
        return new Alert(AlertIds.of("quietwatch-test", Long.toString(now)), "quietwatch-test", "test-sink",
                AlertSeverity.LOW, "QuietWatch test alert: please ignore", now, now - 3_600_000, now, 1, "10.0.0.5", null,
                "192.0.2.80", 443, "This is a test alert sent by bin/quietwatch test-sink to check the sink.", List.of(e),
                Map.of("test", true));
    }
}
