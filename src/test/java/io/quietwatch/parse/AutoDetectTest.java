package io.quietwatch.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Format {@code auto} against every vendor's fixtures: each line a vendor parser reads must reach that
 * parser when the format is detected, so the parsers' markers do not steal each other's lines.
 */
class AutoDetectTest {
    private final EventParser auto = ParserRegistry.forFormat("auto");
    private final SyslogHeaderParser header = new SyslogHeaderParser();

    @TestFactory
    List<DynamicTest> everyFixtureLineReachesItsOwnParser() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        Path root = Path.of("src/test/resources/fixtures");
        for (String format : ParserRegistry.names()) {
            Path dir = root.resolve(format);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    for (JsonNode c : FixtureCases.load("/fixtures/" + format + "/" + f.getFileName())) {
                        if (c.path("malformed").asBoolean(false) || c.path("notMine").asBoolean(false)) {
                            continue;
                        }
                        String name = format + "/" + f.getFileName() + ": " + c.path("name").asText();
                        tests.add(DynamicTest.dynamicTest(name, () -> {
                            // a fixture line may carry its syslog header: split it as the pipeline does
                            SyslogMessage m = c.hasNonNull("host") || c.hasNonNull("time") ? FixtureCases.message(c)
                                    : header.parse(c.path("line").asText(), FixtureCases.CONTEXT);
                            ParseResult r = auto.parse(m, FixtureCases.CONTEXT);
                            assertThat(r).as(c.path("line").asText()).isInstanceOf(ParseResult.Parsed.class);
                            assertThat(((ParseResult.Parsed) r).event().format()).as(c.path("line").asText()).isEqualTo(format);
                        }));
                    }
                }
            }
        }
        assertThat(tests.size()).isGreaterThan(500);
        return tests;
    }
}
