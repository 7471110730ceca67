package io.quietwatch.alert.outbox;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.config.RouteConfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Decides which sinks an alert goes to, from the config's {@code routes:}. */
public final class Routes {
    private record Route(Set<String> detections, AlertSeverity min, Set<String> tags, List<String> sinks) {
        boolean matches(Alert a) {
            return (detections.isEmpty() || detections.contains(a.detection()))
                    && a.severity().compareTo(min) >= 0
                    && (tags.isEmpty() || a.tags().stream().anyMatch(tags::contains));
        }
    }

    private final List<Route> routes = new ArrayList<>();
    private final List<String> allSinks;

    /** @param allSinks every configured sink, in order (the destination of every alert when there is no route) */
    public Routes(List<RouteConfig> config, List<String> allSinks) {
        this.allSinks = List.copyOf(allSinks);
        for (RouteConfig r : config) {
            routes.add(new Route(Set.copyOf(r.detections()), AlertSeverity.parse(r.minSeverity()), Set.copyOf(r.tags()), r.sinks()));
        }
    }

    /** The sinks an alert goes to, in configuration order, without repeats. */
    public List<String> sinksFor(Alert a) {
        if (routes.isEmpty()) {
            return allSinks;
        }
        Set<String> out = new LinkedHashSet<>();
        for (Route r : routes) {
            if (r.matches(a)) {
                out.addAll(r.sinks());
            }
        }
        return List.copyOf(out);
    }
}
