package io.quietwatch.cli;

import io.quietwatch.alert.outbox.OutboxFiles;
import io.quietwatch.config.ConfigLoader;
import io.quietwatch.config.SinkConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code outbox}: per sink, pending and dead-lettered alerts; {@code --redeliver SINK} puts dead letters back. */
@Command(name = "outbox", description = "Show pending and dead-lettered alerts per sink; redeliver dead letters.")
final class OutboxCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;
    @Option(names = "--redeliver", paramLabel = "SINK", description = "Put the sink's dead-lettered alerts back for delivery.")
    String redeliver;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ConfigLoader.Result r = config.load(spec.commandLine().getErr());
        if (!r.ok()) {
            return Main.EXIT_INVALID;
        }
        List<String> sinks = r.config().sinks().stream().map(SinkConfig::name).toList();
        OutboxFiles files = new OutboxFiles(Home.get().resolve(r.config().outbox().path()));
        if (redeliver != null) {
            if (!sinks.contains(redeliver)) {
                spec.commandLine().getErr().println("no sink is named '" + redeliver + "' (sinks: " + String.join(", ", sinks) + ")");
                return Main.EXIT_INVALID;
            }
            int n = files.redeliver(redeliver, System.currentTimeMillis());
            out.println(n + " dead-lettered alerts of " + redeliver + " put back for delivery");
            return 0;
        }
        out.printf("%-24s %10s %10s %14s %19s%n", "sink", "cursor", "pending", "dead-lettered", "waiting-redelivery");
        for (Map.Entry<String, Map<String, Long>> e : files.status(sinks).entrySet()) {
            Map<String, Long> m = e.getValue();
            out.printf("%-24s %10d %10d %14d %19d%n", e.getKey(), m.get("cursor"), m.get("pending"), m.get("dead_lettered"),
                    m.get("waiting_redelivery"));
        }
        return 0;
    }
}
