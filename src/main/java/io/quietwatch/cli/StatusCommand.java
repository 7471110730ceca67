package io.quietwatch.cli;

import io.quietwatch.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code status}: what the running daemon is doing. */
@Command(name = "status", description = "Show the running daemon's inputs, rules (versions, events, CPU, alerts), lists and last reload.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;
    @Mixin
    AdminClient client;
    @Option(names = "--json", description = "Print the daemon's JSON as it is.")
    boolean json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ConfigLoader.Result r = config.load(spec.commandLine().getErr());
        if (!r.ok()) {
            return Main.EXIT_INVALID;
        }
        AdminClient.Response response = client.send(r.config().admin(), "GET", "/status");
        if (response.status() != 200) {
            spec.commandLine().getErr().println("quietwatch: the daemon answered " + response.status() + ": " + response.body());
            return 1;
        }
        spec.commandLine().getOut().println(json ? response.body() : StatusText.status(response.json()));
        return 0;
    }
}
