package io.quietwatch.config;

import java.util.List;

/**
 * One route ({@code routes:} list item): alerts that match every condition given go to the named sinks.
 * A route without conditions matches every alert. Without any route, every alert goes to every sink.
 *
 * @param name        for logs (default {@code route-<n>})
 * @param detections  detection ids the alert must have one of (empty = any)
 * @param minSeverity lowest severity that matches ({@code min_severity}, default {@code low})
 * @param tags        tags ({@code name=value}) the alert must have one of (empty = any)
 * @param sinks       sink names the matching alerts go to
 */
public record RouteConfig(String name, List<String> detections, String minSeverity, List<String> tags, List<String> sinks) {
    public RouteConfig {
        detections = detections == null ? List.of() : List.copyOf(detections);
        minSeverity = minSeverity == null ? "low" : minSeverity;
        tags = tags == null ? List.of() : List.copyOf(tags);
        sinks = sinks == null ? List.of() : List.copyOf(sinks);
    }
}
