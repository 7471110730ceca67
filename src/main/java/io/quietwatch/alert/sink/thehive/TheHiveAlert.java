package io.quietwatch.alert.sink.thehive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.sink.http.AlertFacts;
import io.quietwatch.alert.sink.http.AlertRef;
import io.quietwatch.alert.sink.http.AlertText;
import io.quietwatch.alert.sink.http.JsonBodies;

/**
 * The {@code POST /api/v1/alert} body: {@code type} = the detection, {@code source} = QuietWatch,
 * {@code sourceRef} = the alert id (TheHive keeps type + source + sourceRef unique), title,
 * Markdown description, severity 1-4, event time, tags, TLP/PAP, observables.
 */
final class TheHiveAlert {
    static final String SOURCE = "QuietWatch";
    static final int MAX_TITLE = 512;

    private TheHiveAlert() {
    }

    static ObjectNode of(Alert a, TheHiveSinkConfig config) {
        ObjectNode r = JsonBodies.object();
        r.put("type", AlertText.oneLine(a.detection(), 100));
        r.put("source", SOURCE);
        r.put("sourceRef", AlertRef.of(a));
        r.put("title", AlertFacts.title(a, MAX_TITLE));
        r.put("description", TheHiveMarkdown.description(a));
        r.put("severity", a.severity().rank());
        r.put("date", a.timestamp());
        ArrayNode tags = r.putArray("tags");
        config.tags().forEach(tags::add);
        tags.add(AlertText.oneLine(a.detection(), 100));
        r.put("tlp", config.tlp());
        r.put("pap", config.pap());
        if (config.caseTemplate() != null) {
            r.put("caseTemplate", config.caseTemplate());
        }
        TheHiveObservables.add(a, r.putArray("observables"));
        return r;
    }
}
