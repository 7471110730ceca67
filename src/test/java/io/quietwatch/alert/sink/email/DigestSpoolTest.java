package io.quietwatch.alert.sink.email;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static io.quietwatch.alert.sink.email.EmailFixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

class DigestSpoolTest {
    @TempDir
    Path dir;

    @Test
    void alertsComeBackWhole() throws Exception {
        Alert a = alert("a1", AlertSeverity.MEDIUM);
        try (DigestSpool spool = new DigestSpool(dir.resolve("s/d.jsonl"))) {
            assertThat(spool.open()).isEqualTo(-1);
            assertThat(spool.append(a, 1000)).isTrue();
            assertThat(spool.append(alert("a2", AlertSeverity.LOW), 2000)).isFalse();
            assertThat(spool.oldestWaiting()).isEqualTo(1000);
            DigestSpool.Batch b = spool.take();
            assertThat(b.oldestSpooledAt()).isEqualTo(1000);
            assertThat(b.alerts()).hasSize(2);
            Alert back = b.alerts().get(0);
            assertThat(back).usingRecursiveComparison().ignoringFields("details").isEqualTo(a);
            assertThat(back.details()).containsEntry("duration_hours", 5).containsKey("bytes_out");
            assertThat(spool.oldestWaiting()).isEqualTo(-1);
            spool.sent();
        }
        assertThat(dir.resolve("s/d.jsonl.sending")).doesNotExist();
    }

    @Test
    void anUnsentBatchIsJoinedByLaterAlertsAndRepeatsCountOnce() throws Exception {
        Path file = dir.resolve("d.jsonl");
        try (DigestSpool spool = new DigestSpool(file)) {
            spool.open();
            spool.append(alert("x", AlertSeverity.LOW), 10);
            assertThat(spool.take().alerts()).hasSize(1);
            spool.append(alert("y", AlertSeverity.LOW), 20);
            spool.append(alert("x", AlertSeverity.MEDIUM), 30);
        }
        // a restart, and a line cut short by a crash during an append
        Files.writeString(file, "{\"spooled_at\":40,\"alert\":{\"id\":\"z\",\"det", StandardOpenOption.APPEND);
        try (DigestSpool spool = new DigestSpool(file)) {
            assertThat(spool.open()).isEqualTo(10);
            spool.append(alert("w", AlertSeverity.LOW), 50);
            DigestSpool.Batch b = spool.take();
            assertThat(b.alerts()).extracting(Alert::id).containsExactly("y", "x", "w");
            assertThat(b.alerts().get(1).severity()).isEqualTo(AlertSeverity.MEDIUM);
            Path aside = spool.refused(99);
            assertThat(aside.getFileName().toString()).isEqualTo("d.jsonl.rejected-99");
            assertThat(Files.readAllLines(aside)).hasSize(5);
        }
    }
}
