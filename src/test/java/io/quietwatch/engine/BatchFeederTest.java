package io.quietwatch.engine;

import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The replay feeder: lines parsed on several workers (and on the consumer's thread while they are
 * behind), events handed to the consumer in line order,
 * lines without an event skipped, failures of a parser or of the consumer reported by {@code close}.
 */
class BatchFeederTest {
    /** Line "n" is the event at time n; lines divisible by 7 give no event. */
    private static final Function<String, LogEvent> PARSE = line -> {
        long n = Long.parseLong(line);
        if (n % 97 == 0) {
            // an uneven pace, so that later batches finish before earlier ones
            LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(200_000));
        }
        return n % 7 == 0 ? null : LogEvent.builder().timestamp(n).build(InternalNetworks.defaults());
    };

    @Test
    void eventsReachTheConsumerInLineOrderWhateverWorkerParsedThem() {
        List<Long> seen = new ArrayList<>();
        int lines = 20_000;
        long parsed;
        try (BatchFeeder feeder = new BatchFeeder(PARSE, e -> seen.add(e.timestamp()), 3, "test-feeder")) {
            for (int i = 1; i <= lines; i++) {
                feeder.add(Integer.toString(i));
            }
            feeder.close();
            parsed = feeder.parsed();
        }
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= lines; i++) {
            if (i % 7 != 0) {
                expected.add(i);
            }
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(parsed).isEqualTo(expected.size());
    }

    @Test
    void theConsumerParsesWaitingBatchesWhileTheWorkerIsBehind() {
        Set<String> parsers = ConcurrentHashMap.newKeySet();
        Function<String, LogEvent> slowOnWorkers = line -> {
            String thread = Thread.currentThread().getName();
            parsers.add(thread);
            if (thread.contains("-parse-")) {
                LockSupport.parkNanos(20_000);
            }
            return PARSE.apply(line);
        };
        List<Long> seen = new ArrayList<>();
        int lines = 20_000;
        try (BatchFeeder feeder = new BatchFeeder(slowOnWorkers, e -> seen.add(e.timestamp()), 1, "test-feeder")) {
            for (int i = 1; i <= lines; i++) {
                feeder.add(Integer.toString(i));
            }
        }
        assertThat(parsers).contains("test-feeder", "test-feeder-parse-0");
        assertThat(seen).hasSize(lines - lines / 7).isSorted();
    }

    @Test
    void aPartialLastBatchIsDeliveredOnClose() {
        List<Long> seen = new ArrayList<>();
        try (BatchFeeder feeder = new BatchFeeder(PARSE, e -> seen.add(e.timestamp()), 1, "test-feeder")) {
            feeder.add("1");
            feeder.add("2");
        }
        assertThat(seen).containsExactly(1L, 2L);
    }

    @Test
    void aConsumerFailureIsRethrownToTheReader() {
        BatchFeeder feeder = new BatchFeeder(PARSE, e -> {
            throw new IllegalStateException("rule failed at " + e.timestamp());
        }, 2, "test-feeder");
        assertThatThrownBy(() -> {
            for (int i = 1; i <= 100_000; i++) {
                feeder.add(Integer.toString(i));
            }
            feeder.close();
        }).isInstanceOf(IllegalStateException.class).hasMessage("rule failed at 1");
    }

    @Test
    void aParserFailureIsRethrownByClose() {
        List<Long> seen = new ArrayList<>();
        BatchFeeder feeder = new BatchFeeder(line -> PARSE.apply(line.equals("x") ? "not a number" : line),
                e -> seen.add(e.timestamp()), 2, "test-feeder");
        assertThatThrownBy(() -> {
            feeder.add("1");
            feeder.add("x");
            feeder.close();
        }).isInstanceOf(NumberFormatException.class);
        assertThat(seen).isEmpty();
    }
}
