package io.quietwatch.engine;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.engine.list.ListStore;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped executable-download rule (D3) with the shipped lists, on proxy events. */
class ExecutableDownloadRuleTest {
    private static final long T0 = Instant.parse("2026-11-02T09:00:00Z").toEpochMilli();
    private final List<Alert> alerts = new ArrayList<>();
    private RuleEngine engine;
    private long t = T0;

    @BeforeEach
    void load() {
        ListStore lists = new ListStore(Path.of("conf/lists"), "conf/lists");
        assertThat(lists.loadAll()).isEmpty();
        engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, alerts::add, lists);
        assertThat(engine.load(Path.of("epl-rules"), "epl-rules", Map.of()).isEmpty()).isTrue();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private void get(String url, String mime, Integer status) {
        engine.send(LogEvent.builder().timestamp(t += 1000).category("web").outcome("allowed").sourceIp("10.0.0.5")
                .destinationIp("198.51.100.9").destinationPort(80).url(url).mimeType(mime).httpStatus(status)
                .build(InternalNetworks.defaults()));
    }

    private List<Alert> downloads() {
        return alerts.stream().filter(a -> a.detection().equals("executable-download")).toList();
    }

    @Test
    void executableTypeOrExtensionIsReported() {
        get("http://files.example.com/tools/setup.exe", "application/x-msdownload", 200);
        get("http://files.example.com/x/putty.msi", "application/octet-stream", 200);
        get("http://files.example.com/x/payload", "application/x-dosexec", 200);
        assertThat(downloads()).extracting(Alert::severity).containsExactly(AlertSeverity.MEDIUM, AlertSeverity.MEDIUM,
                AlertSeverity.MEDIUM);
        Alert first = downloads().get(0);
        assertThat(first.hostIp()).isEqualTo("10.0.0.5");
        assertThat(first.title()).isEqualTo("Executable download by 10.0.0.5: setup.exe from files.example.com");
        assertThat(first.details()).containsEntry("extension", "exe").containsEntry("mediaType", "application/x-msdownload");
    }

    @Test
    void eachSuspiciousTraitRaisesSeverity() {
        get("http://files.example.com/cat.jpg", "application/x-msdownload", 200);
        get("http://203.0.113.9/a.exe", "application/octet-stream", 200);
        get("http://evil.example.xyz/a.exe", "application/octet-stream", 200);
        get("http://203.0.113.9/cat.png", "application/x-dosexec", 200);
        get("http://update.example.top/invoice.pdf.exe", "text/html", 200);
        assertThat(downloads()).extracting(Alert::severity).containsExactly(AlertSeverity.HIGH, AlertSeverity.HIGH,
                AlertSeverity.HIGH, AlertSeverity.CRITICAL, AlertSeverity.CRITICAL);
    }

    @Test
    void documentsScriptsFailuresDenialsAndUpdateSitesAreQuiet() {
        get("http://www.example.com/index.html", "text/html", 200);
        get("http://www.example.com/app.js", "application/javascript", 200);
        get("http://www.example.com/app.js", "text/javascript; charset=utf-8", 200);
        get("http://files.example.com/setup.exe", "application/x-msdownload", 404);
        get("http://a.b.windowsupdate.com/c/x.exe", "application/octet-stream", 200);
        get("http://dl.google.com/chrome/setup.exe", "application/x-msdownload", 200);
        engine.send(LogEvent.builder().timestamp(t += 1000).category("web").outcome("denied").sourceIp("10.0.0.5")
                .url("http://files.example.com/blocked.exe").mimeType("application/x-msdownload")
                .build(InternalNetworks.defaults()));
        assertThat(downloads()).isEmpty();
    }

    @Test
    void theSameDownloadAgainIsTheSameIncident() {
        get("http://files.example.com/tools/setup.exe", "application/x-msdownload", 200);
        get("http://files.example.com/tools/setup.exe", "application/x-msdownload", 200);
        assertThat(downloads()).hasSize(2);
        assertThat(downloads().get(0).id()).isEqualTo(downloads().get(1).id());
    }
}
