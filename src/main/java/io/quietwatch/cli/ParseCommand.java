package io.quietwatch.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.quietwatch.config.ConfigLoader;
import io.quietwatch.event.EventJson;
import io.quietwatch.parse.LineParser;
import io.quietwatch.parse.ParseResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.Callable;

/**
 * {@code parse}: prints exactly one JSON object per non-blank input line, in input order: the
 * normalised event, or {@code {"error":{"message":...},"event":{"original":...}}} for a line that
 * cannot be parsed.
 */
@Command(name = "parse", description = "Parse log lines and print one JSON object per line.")
final class ParseCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;
    @Mixin
    LineInput input;
    @Spec
    CommandSpec spec;

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public Integer call() throws IOException {
        ConfigLoader.Result r = config.load(spec.commandLine().getErr());
        if (!r.ok()) {
            return Main.EXIT_INVALID;
        }
        LineParser parser = input.parser(r.config());
        Writer out = spec.commandLine().getOut();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setRootValueSeparator(null);
            input.forEachLine(line -> {
                ParseResult result = parser.parse(line);
                if (result instanceof ParseResult.Parsed p) {
                    EventJson.write(p.event(), g);
                } else {
                    String reason = result instanceof ParseResult.Malformed m ? m.reason() : "no parser recognises this line";
                    g.writeStartObject();
                    g.writeObjectFieldStart("error");
                    g.writeStringField("message", reason);
                    g.writeEndObject();
                    g.writeObjectFieldStart("event");
                    g.writeStringField("original", line);
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.flush();
                out.write('\n');
            });
        }
        return 0;
    }
}
