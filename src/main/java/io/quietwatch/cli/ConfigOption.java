package io.quietwatch.cli;

import io.quietwatch.config.ConfigLoader;
import io.quietwatch.parse.ParserRegistry;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --config FILE}: the configuration to use. Without it, {@code conf/quietwatch.yaml} under the
 * home directory when that file exists, else the embedded defaults.
 */
final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: conf/quietwatch.yaml if present, else built-in defaults).")
    Path file;

    /** Loads the configuration; problems are printed to {@code err}. */
    ConfigLoader.Result load(PrintWriter err) {
        ConfigLoader loader = new ConfigLoader(ParserRegistry.names(), Home.get());
        ConfigLoader.Result r;
        if (file != null) {
            r = loader.load(file, file.toString());
        } else {
            Path dflt = Home.get().resolve("conf/quietwatch.yaml");
            r = Files.exists(dflt) ? loader.load(dflt, "conf/quietwatch.yaml") : loader.defaults();
        }
        r.problems().forEach(p -> err.println(p));
        return r;
    }
}
