package io.quietwatch.scenario;

import io.quietwatch.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped rules and lists over nine ordinary days (see {@link QuietWeek}): not one alert. */
class QuietWeekIT {
    @TempDir
    Path tmp;

    @Test
    void ordinaryTrafficRaisesNoAlert() throws Exception {
        Path log = tmp.resolve("quiet-week.log");
        QuietWeek.write(log, Instant.parse("2026-11-02T00:00:00Z"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), "replay", "--timezone", "UTC", log.toString());
        assertThat(status).as(err.toString()).isZero();
        assertThat(err.toString()).contains(" 0 unparsed").contains(" 0 alerts");
        assertThat(out.toString()).isEmpty();
    }
}
