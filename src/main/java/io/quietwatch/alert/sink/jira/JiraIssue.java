package io.quietwatch.alert.sink.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.sink.http.AlertFacts;
import io.quietwatch.alert.sink.http.AlertRef;
import io.quietwatch.alert.sink.http.JsonBodies;

/**
 * The create-issue request body: project, issue type, one-line summary, description (ADF for
 * Cloud, wiki markup for Data Center), labels with {@code qw-<alert id>}, and the priority mapped
 * from the severity when configured.
 */
final class JiraIssue {
    /** Jira refuses summaries longer than 255 characters or with line breaks. */
    static final int MAX_SUMMARY = 255;

    private JiraIssue() {
    }

    /** The label that marks the issue of one alert, searched for before creating another. */
    static String label(Alert a) {
        return "qw-" + AlertRef.of(a);
    }

    static ObjectNode of(Alert a, JiraSinkConfig config) {
        ObjectNode body = JsonBodies.object();
        ObjectNode fields = body.putObject("fields");
        fields.putObject("project").put("key", config.projectKey());
        fields.putObject("issuetype").put("name", config.issueType());
        fields.put("summary", AlertFacts.title(a, MAX_SUMMARY));
        if (config.cloud()) {
            fields.set("description", JiraAdf.description(a));
        } else {
            fields.put("description", JiraWiki.description(a));
        }
        ArrayNode labels = fields.putArray("labels");
        config.labels().forEach(labels::add);
        labels.add(label(a));
        String priority = config.priorityFor(a.severity());
        if (priority != null) {
            fields.putObject("priority").put("name", priority);
        }
        return body;
    }
}
