package io.quietwatch.alert.sink.file;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSinkTest {
    @TempDir
    Path dir;

    private static Alert alert(int n) {
        return new Alert("id" + n, "test", "rule", AlertSeverity.LOW, "title " + "x".repeat(200), 1000L * n, 0, 0, 1,
                "10.0.0." + n, null, null, null, "reason", List.of(), Map.of());
    }

    @Test
    void appendsOneJsonLinePerAlertAndRotatesBySize() throws Exception {
        Path file = dir.resolve("a/alerts.jsonl");
        FileSink sink = new FileSink(new FileSinkConfig("f", "ignored", 0, 2), file);
        sink.start();
        assertThat(sink.deliver(alert(1)).outcome()).isEqualTo(AlertSink.Outcome.DELIVERED);
        sink.close();
        assertThat(Files.readAllLines(file)).singleElement().satisfies(l -> assertThat(l).startsWith("{\"id\":\"id1\""));

        // 1 MiB limit: ~430-byte lines, so 7,000 alerts rotate about three times
        FileSink small = new FileSink(new FileSinkConfig("f", "ignored", 1, 2), file);
        small.start();
        for (int i = 2; i <= 7000; i++) {
            assertThat(small.deliver(alert(i)).outcome()).isEqualTo(AlertSink.Outcome.DELIVERED);
        }
        small.close();
        Path one = file.resolveSibling("alerts.jsonl.1");
        Path two = file.resolveSibling("alerts.jsonl.2");
        assertThat(Files.exists(file.resolveSibling("alerts.jsonl.3"))).isFalse();
        for (Path p : List.of(file, one, two)) {
            assertThat(Files.size(p)).isLessThanOrEqualTo(1024 * 1024).isGreaterThan(0);
        }
        List<String> current = Files.readAllLines(file);
        List<String> previous = Files.readAllLines(one);
        assertThat(current.get(current.size() - 1)).contains("\"id\":\"id7000\"");
        // nothing lost at a rotation: the current file continues where .1 stopped
        int last = Integer.parseInt(previous.get(previous.size() - 1).replaceAll("^\\{\"id\":\"id(\\d+)\".*", "$1"));
        assertThat(current.get(0)).startsWith("{\"id\":\"id" + (last + 1) + "\"");
    }

    @Test
    void refusesToStartWithEveryProblem() {
        FileSink sink = new FileSink(new FileSinkConfig("f", " ", -1, 0), dir.resolve("x"));
        assertThatThrownBy(sink::start).isInstanceOf(SinkException.class)
                .satisfies(e -> assertThat(((SinkException) e).problems()).containsExactly(
                        "path: must name a file", "max_size_mb: must not be negative", "keep_files: must be between 1 and 1000"));
    }
}
