package io.quietwatch.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A burst of writes to a watched folder is reported once, after the folder is quiet. */
class FolderWatcherTest {
    @TempDir
    Path dir;

    @Test
    void aBurstOfChangesIsReportedOnce() throws Exception {
        List<Set<Path>> bursts = new CopyOnWriteArrayList<>();
        try (FolderWatcher w = FolderWatcher.start(dir, "test-watcher", 300, bursts::add)) {
            Files.writeString(dir.resolve("a.epl"), "one");
            Files.writeString(dir.resolve("a.epl"), "two");
            Files.writeString(dir.resolve("b.epl"), "three");
            await().atMost(Duration.ofSeconds(5)).until(() -> !bursts.isEmpty());
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> bursts.size() == 1);
            assertThat(bursts.get(0)).containsExactlyInAnyOrder(Path.of("a.epl"), Path.of("b.epl"));
        }
    }
}
