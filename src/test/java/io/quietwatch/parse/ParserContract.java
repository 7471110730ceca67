package io.quietwatch.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.Named;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every vendor parser promises besides reading its fixtures, checked the same way for each: a
 * result for any input, never the catch-all's; NotMine for the lines it does not claim; one instance
 * giving the same results on several threads; no claim on another vendor's line; no value in the
 * fields a line does not carry. Each parser test supplies its own inputs: fixture lines, how to
 * garble them, what random lines look like, how many.
 *
 * <p>A check runs a line through the parser as one or more messages (its {@link #views}: the bare
 * line by default, also the line split by the syslog header parser, or tagged with the product's
 * syslog tag) and asserts on each result.
 */
final class ParserContract {
    /** How the result of a line must follow from {@link EventParser#claims}. */
    enum Claims {
        /** NotMine exactly for the lines the parser does not claim. */
        NOT_MINE_EXACTLY_WHEN_UNCLAIMED,
        /** NotMine for every line the parser does not claim (a claimed line may still turn out not its). */
        NOT_MINE_WHEN_UNCLAIMED,
        /** Not checked: the parser claims on markers anywhere in the line. */
        UNCHECKED
    }

    private static final String FOREIGN_LINES = "/parser-contract/foreign-lines.yaml";
    private static final SyslogHeaderParser HEADER = new SyslogHeaderParser();
    private static final int THREADS = 4;

    private final EventParser parser;
    private final String catchAll;
    private final Claims claims;
    private final Function<String, List<SyslogMessage>> views;

    private ParserContract(EventParser parser, String catchAll, Claims claims,
                           Function<String, List<SyslogMessage>> views) {
        this.parser = parser;
        this.catchAll = catchAll;
        this.claims = claims;
        this.views = views;
    }

    /**
     * The contract of {@code parser}, whose catch-all writes Malformed reasons starting with
     * {@code catchAll} (null: only that reasons are not blank); checks the bare line, NotMine exactly
     * when unclaimed.
     */
    static ParserContract of(EventParser parser, String catchAll) {
        return new ParserContract(parser, catchAll, Claims.NOT_MINE_EXACTLY_WHEN_UNCLAIMED,
                line -> List.of(SyslogMessage.bare(line)));
    }

    /** This contract with another rule for NotMine. */
    ParserContract claims(Claims rule) {
        return new ParserContract(parser, catchAll, rule, views);
    }

    /** This contract checking each line as the messages {@code views} makes of it. */
    ParserContract views(Function<String, List<SyslogMessage>> lineViews) {
        return new ParserContract(parser, catchAll, claims, lineViews);
    }

    /** The bare line and the line split by the syslog header parser, as a relay may deliver either. */
    static List<SyslogMessage> bareAndSplit(String line) {
        return List.of(SyslogMessage.bare(line), HEADER.parse(line, FixtureCases.CONTEXT));
    }

    /** Each line as a bare message. */
    static List<SyslogMessage> bare(List<String> lines) {
        return lines.stream().map(SyslogMessage::bare).toList();
    }

    /** The line split by the syslog header parser, as the pipeline does. */
    static SyslogMessage split(String line) {
        return HEADER.parse(line, FixtureCases.CONTEXT);
    }

    /** Parses {@code m}: a result, the NotMine rule, a Malformed reason that is not blank nor the catch-all's. */
    ParseResult check(SyslogMessage m) {
        ParseResult r = parser.parse(m, FixtureCases.CONTEXT);
        String line = m.message();
        assertThat(r).as(line).isNotNull();
        if (claims == Claims.NOT_MINE_EXACTLY_WHEN_UNCLAIMED) {
            assertThat(r instanceof ParseResult.NotMine).as("NotMine exactly when not claimed: %s", line)
                    .isEqualTo(!parser.claims(m));
        } else if (claims == Claims.NOT_MINE_WHEN_UNCLAIMED && !parser.claims(m)) {
            assertThat(r).as(line).isInstanceOf(ParseResult.NotMine.class);
        }
        if (r instanceof ParseResult.Malformed bad) {
            assertThat(bad.reason()).as(line).isNotBlank();
            if (catchAll != null) {
                assertThat(bad.reason()).as(line).doesNotStartWith(catchAll);
            }
        }
        return r;
    }

    /** {@link #check(SyslogMessage)} on each view of {@code line}. */
    void check(String line) {
        for (SyslogMessage m : views.apply(line)) {
            check(m);
        }
    }

    /**
     * Every prefix and suffix of each line (at most about {@code maxCuts} of each, evenly spaced), then
     * {@code garbles} garbled copies of it, pass {@link #check(String)}.
     */
    void damagedLines(List<String> lines, int maxCuts, Random random, int garbles, RandomLines.Garble garble) {
        for (String line : lines) {
            for (int cut = 0; cut <= line.length(); cut += 1 + line.length() / maxCuts) {
                check(line.substring(0, cut));
                check(line.substring(cut));
            }
            for (int i = 0; i < garbles; i++) {
                check(garble.apply(line, random));
            }
        }
    }

    /** As {@link #damagedLines(List, int, Random, int, RandomLines.Garble)} with every cut. */
    void damagedLines(List<String> lines, Random random, int garbles, RandomLines.Garble garble) {
        damagedLines(lines, Integer.MAX_VALUE, random, garbles, garble);
    }

    /** {@code count} lines made by {@code maker} pass {@link #check(String)}. */
    void randomLines(Random random, int count, Function<Random, String> maker) {
        for (int i = 0; i < count; i++) {
            check(maker.apply(random));
        }
    }

    /** One instance parsing {@code messages} {@code rounds} times on each of 4 threads gives its results alone. */
    void sameResultsOnThreads(List<SyslogMessage> messages, int rounds) throws Exception {
        List<ParseResult> expected = parseAll(messages);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<ParseResult>>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                runs.add(pool.submit(() -> {
                    List<ParseResult> last = null;
                    for (int round = 0; round < rounds && (last == null || last.equals(expected)); round++) {
                        last = parseAll(messages);
                    }
                    return last;
                }));
            }
            for (Future<List<ParseResult>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<ParseResult> parseAll(List<SyslogMessage> messages) {
        List<ParseResult> results = new ArrayList<>(messages.size());
        for (SyslogMessage m : messages) {
            results.add(parser.parse(m, FixtureCases.CONTEXT));
        }
        return results;
    }

    /** The parser claims none of {@code messages} and finds each NotMine. */
    void claimsNone(List<SyslogMessage> messages) {
        for (SyslogMessage m : messages) {
            assertThat(parser.claims(m)).as("claims %s", m.message()).isFalse();
            assertThat(parser.parse(m, FixtureCases.CONTEXT)).as(m.message()).isInstanceOf(ParseResult.NotMine.class);
        }
    }

    /** The {@code others} claim none of the {@code lines} this parser claims. */
    void othersClaimNoneOfOurs(List<String> lines, List<EventParser> others) {
        for (String line : lines) {
            SyslogMessage m = SyslogMessage.bare(line);
            if (parser.claims(m)) {
                for (EventParser other : others) {
                    assertThat(other.claims(m)).as("%s claims %s", other.name(), line).isFalse();
                }
            }
        }
    }

    /**
     * The shared sample lines of every format but {@code format}, each as it arrives (with its syslog tag)
     * and named by its text, for a parameterized test.
     */
    static Stream<Named<SyslogMessage>> foreignLines(String format) {
        List<Named<SyslogMessage>> lines = new ArrayList<>();
        for (JsonNode c : FixtureCases.load(FOREIGN_LINES)) {
            if (!c.path("format").asText().equals(format)) {
                String line = c.path("line").asText();
                String app = c.hasNonNull("app") ? c.get("app").asText() : null;
                SyslogMessage m = new SyslogMessage(line, -1, SyslogMessage.NO_TIMESTAMP, null, app, null, line);
                lines.add(Named.of(app == null ? line : app + ": " + line, m));
            }
        }
        assertThat(lines).as("foreign lines for %s", format).hasSizeGreaterThan(10);
        return lines.stream();
    }

    /** Exactly the fields named in {@code carried} have a value. */
    static void onlyCarried(LogEvent e, Set<String> carried) {
        FixtureCases.components(e).forEach((name, value) -> {
            if (carried.contains(name)) {
                assertThat(value).as(name).isNotNull();
            } else {
                assertThat(value).as(name).isNull();
            }
        });
    }

    /** A context in UTC whose clock stands at {@code now}, for the "no time in the line" fallbacks. */
    static ParseContext contextAt(Instant now) {
        return new ParseContext(ZoneId.of("UTC"), Clock.fixed(now, ZoneId.of("UTC")), InternalNetworks.defaults());
    }
}
