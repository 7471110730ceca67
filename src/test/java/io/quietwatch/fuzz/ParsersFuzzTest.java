package io.quietwatch.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.quietwatch.event.EventJson;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.parse.LineParser;
import io.quietwatch.parse.ParseContext;
import io.quietwatch.parse.ParseResult;
import io.quietwatch.parse.ParserRegistry;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of every parser and of {@code auto}, header included, as the pipeline reads a
 * line: the first input byte picks the format, the rest is the line. Any text gives a result — an event,
 * or a reason why not — never an exception, never a parser's catch-all (a Malformed reason that names an
 * exception class: a reader bug was caught), and every event can be written as JSON.
 *
 * <p>Without {@code JAZZER_FUZZ} this replays the inputs under
 * {@code src/test/resources/io/quietwatch/fuzz/ParsersFuzzTestInputs/parse/} (seeds from the fixtures,
 * and every crash found so far); with it, Jazzer fuzzes for {@code maxDuration}. {@code mvn verify}
 * does both (see the {@code fuzz} execution in the POM).
 */
class ParsersFuzzTest {
    private static final ParseContext CONTEXT = new ParseContext(ZoneOffset.UTC,
            Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneId.of("UTC")), InternalNetworks.defaults());
    private static final Pattern CATCH_ALL = Pattern.compile("(?s).*\\b[A-Z][A-Za-z]*(Exception|Error)$");
    /** {@code auto}, then the formats in the registry's order (the seeds' last byte indexes this list). */
    private static final List<LineParser> PARSERS = java.util.stream.Stream.concat(java.util.stream.Stream.of("auto"),
            ParserRegistry.names().stream()).map(name -> LineParser.forFormat(name, CONTEXT)).toList();
    private static final JsonFactory JSON = new JsonFactory();

    @FuzzTest(maxDuration = "45s")
    void parse(FuzzedDataProvider data) throws IOException {
        LineParser parser = PARSERS.get(data.consumeInt(0, PARSERS.size() - 1));
        String line = data.consumeRemainingAsString();
        ParseResult r = parser.parse(line);
        assertThat(r).isNotNull();
        if (r instanceof ParseResult.Malformed bad) {
            assertThat(bad.reason()).isNotBlank().doesNotMatch(CATCH_ALL);
        } else if (r instanceof ParseResult.Parsed p) {
            StringWriter out = new StringWriter();
            try (JsonGenerator g = JSON.createGenerator(out)) {
                EventJson.write(p.event(), g);
            }
            assertThat(out.toString()).startsWith("{");
        }
    }
}
