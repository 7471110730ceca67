package io.quietwatch.alert;

import io.quietwatch.event.LogEvent;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alert: what a detection found, about which host, with the events that show it.
 * Written as a JSON line by the file sink, as the body of webhooks, and as CEF by the syslog sink.
 *
 * @param id            stable id: the same incident always gets the same id, so receivers can drop repeats
 * @param detection     detection id ({@code uncommon-port}, {@code http-tunnel}, ...)
 * @param rule          name of the EPL statement that raised it
 * @param severity      {@code low}, {@code medium}, {@code high} or {@code critical}
 * @param title         one line for a mail subject or ticket summary
 * @param timestamp     when the alert was raised, in event time (epoch millis)
 * @param firstSeen     start of the incident (epoch millis)
 * @param lastSeen      latest evidence of the incident (epoch millis)
 * @param count         how many occurrences this alert stands for
 * @param hostIp        the internal host, or null
 * @param userName      the user, where known, or null
 * @param destinationIp the remote end, or null
 * @param destinationPort the remote port, or null
 * @param reason        one sentence in plain words
 * @param evidence      up to a few normalised events
 * @param details       further figures the rule output (durations, counts), by column name
 * @param tags          the rule's tags ({@code @Tag(name='...', value='...')} as {@code name=value}), for routing
 * @param revision      0 for the first alert of an incident; 1, 2, ... for later ones the router lets out
 *                      (a higher severity, a periodic summary, a reminder after the window)
 */
public record Alert(
        String id,
        String detection,
        String rule,
        AlertSeverity severity,
        String title,
        long timestamp,
        long firstSeen,
        long lastSeen,
        long count,
        String hostIp,
        String userName,
        String destinationIp,
        Integer destinationPort,
        String reason,
        List<LogEvent> evidence,
        Map<String, Object> details,
        List<String> tags,
        int revision) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(severity, "severity");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** An alert without tags, first of its incident. */
    public Alert(String id, String detection, String rule, AlertSeverity severity, String title, long timestamp,
                 long firstSeen, long lastSeen, long count, String hostIp, String userName, String destinationIp,
                 Integer destinationPort, String reason, List<LogEvent> evidence, Map<String, Object> details) {
        this(id, detection, rule, severity, title, timestamp, firstSeen, lastSeen, count, hostIp, userName,
                destinationIp, destinationPort, reason, evidence, details, List.of(), 0);
    }

    /**
     * The key a receiver uses to drop repeats of this very alert (redeliveries): the id for the first
     * alert of an incident, {@code <id>-r<revision>} for later ones.
     */
    public String deliveryKey() {
        return revision == 0 ? id : id + "-r" + revision;
    }

    /** This alert as a later one of its incident, with the incident's figures folded in. */
    public Alert folded(AlertSeverity severity, long firstSeen, long lastSeen, long count, int revision) {
        return new Alert(id, detection, rule, severity, title, timestamp, firstSeen, lastSeen, count, hostIp, userName,
                destinationIp, destinationPort, reason, evidence, details, tags, revision);
    }

    /** This alert naming a user. */
    public Alert withUser(String user) {
        return new Alert(id, detection, rule, severity, title, timestamp, firstSeen, lastSeen, count, hostIp, user,
                destinationIp, destinationPort, reason, evidence, details, tags, revision);
    }
}
