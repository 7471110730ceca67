package io.quietwatch.cli;

import io.quietwatch.config.InputConfig;
import io.quietwatch.config.QuietWatchConfig;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.ingest.LogFileReader;
import io.quietwatch.parse.LineParser;
import io.quietwatch.parse.ParseContext;
import io.quietwatch.parse.ParserRegistry;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** Log files given on the command line ({@code -} for stdin), read line by line, and how to parse them. */
final class LineInput {
    @Option(names = {"-f", "--format"}, paramLabel = "NAME", defaultValue = "auto",
            description = "Log format: auto (default) or one of the vendor formats.")
    String format;

    @Option(names = {"-z", "--timezone"}, paramLabel = "ZONE",
            description = "Zone of time stamps that name none (default: the first input's default_timezone, else the system zone).")
    String timezone;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Log files; - reads standard input.")
    List<String> files;

    /** A line handler that may fail with I/O. */
    interface LineHandler {
        void accept(String line) throws IOException;
    }

    LineParser parser(QuietWatchConfig config) {
        ZoneId zone;
        if (timezone != null) {
            zone = ZoneId.of(timezone);
        } else {
            InputConfig first = config.inputs().isEmpty() ? null : config.inputs().get(0);
            zone = first != null && first.defaultTimezone() != null ? ZoneId.of(first.defaultTimezone()) : ZoneId.systemDefault();
        }
        ParseContext ctx = new ParseContext(zone, Clock.systemUTC(), InternalNetworks.of(config.internalNetworks()));
        return new LineParser(ParserRegistry.forFormat(format), ctx);
    }

    /** Calls {@code handler} for every non-blank line of every file, in order. */
    void forEachLine(LineHandler handler) throws IOException {
        for (String f : files) {
            try (LogFileReader in = new LogFileReader(f.equals("-") ? System.in : Files.newInputStream(Path.of(f)))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isBlank()) {
                        handler.accept(line);
                    }
                }
            }
        }
    }
}
