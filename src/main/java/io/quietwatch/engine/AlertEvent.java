package io.quietwatch.engine;

import io.quietwatch.alert.Alert;
import io.quietwatch.event.LogEvent;

import java.util.List;

/**
 * An alert as the rules see it: every alert raised is also sent into the engine as the event type
 * {@code QwAlert}, so rules can correlate alerts ({@code select ... from QwAlert(detection != 'x')}).
 *
 * @param id              the alert id
 * @param detection       detection id
 * @param rule            statement name
 * @param severity        {@code low}, {@code medium}, {@code high}, {@code critical}
 * @param severityRank    1 (low) to 4 (critical), for comparisons
 * @param title           the alert's title
 * @param timestamp       when it was raised (engine time)
 * @param hostIp          the internal host, or null
 * @param userName        the user, or null
 * @param destinationIp   the remote end, or null
 * @param destinationPort the remote port, or null
 * @param evidence        the alert's evidence events
 */
public record AlertEvent(String id, String detection, String rule, String severity, int severityRank, String title,
                         long timestamp, String hostIp, String userName, String destinationIp, Integer destinationPort,
                         List<LogEvent> evidence) {

    static AlertEvent of(Alert a) {
        return new AlertEvent(a.id(), a.detection(), a.rule(), a.severity().word(), a.severity().rank(),
                a.title(), a.timestamp(), a.hostIp(), a.userName(), a.destinationIp(), a.destinationPort(), a.evidence());
    }
}
