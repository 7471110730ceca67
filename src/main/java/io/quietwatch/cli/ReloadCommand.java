package io.quietwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quietwatch.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code reload}: asks the running daemon to reload the changed rule files. */
@Command(name = "reload", description = "Reload the changed rule files in the running daemon; exit 2 when they are rejected.")
final class ReloadCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;
    @Mixin
    AdminClient client;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigLoader.Result r = config.load(err);
        if (!r.ok()) {
            return Main.EXIT_INVALID;
        }
        AdminClient.Response response = client.send(r.config().admin(), "POST", "/reload");
        JsonNode j = response.json();
        if (response.status() != 200 && response.status() != 422) {
            err.println("quietwatch: the daemon answered " + response.status() + ": " + response.body());
            return 1;
        }
        out.println(StatusText.reload(j));
        return response.status() == 200 ? 0 : Main.EXIT_INVALID;
    }
}
