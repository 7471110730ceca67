package io.quietwatch.alert.sink.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.sink.http.AlertFacts;
import io.quietwatch.alert.sink.http.AlertText;
import io.quietwatch.alert.sink.http.JsonBodies;

import java.util.List;

/**
 * The issue description for Jira Cloud in Atlassian Document Format: the reason as a paragraph, a
 * two-column table of facts, and the evidence lines in a code block. All alert text is in ADF
 * {@code text} nodes, which Jira shows as text (no markup is interpreted in them).
 */
final class JiraAdf {
    /** Characters of evidence kept in the code block, leaving room under Jira's 32,767 for the rest. */
    static final int MAX_EVIDENCE = 16_000;

    private JiraAdf() {
    }

    static ObjectNode description(Alert a) {
        ObjectNode doc = JsonBodies.object();
        doc.put("type", "doc");
        doc.put("version", 1);
        ArrayNode content = doc.putArray("content");
        if (a.reason() != null && !a.reason().isBlank()) {
            paragraph(content, AlertText.oneLine(a.reason(), 2000), false);
        }
        content.add(table(AlertFacts.of(a)));
        List<String> lines = AlertFacts.evidenceLines(a);
        if (!lines.isEmpty()) {
            paragraph(content, "Evidence", true);
            ObjectNode code = content.addObject();
            code.put("type", "codeBlock");
            code.putObject("attrs").put("language", "text");
            code.putArray("content").add(text(AlertText.cut(String.join("\n", lines), MAX_EVIDENCE), false));
        }
        return doc;
    }

    private static ObjectNode table(List<AlertFacts.Fact> facts) {
        ObjectNode table = JsonBodies.object();
        table.put("type", "table");
        table.putObject("attrs").put("isNumberColumnEnabled", false).put("layout", "default");
        ArrayNode rows = table.putArray("content");
        for (AlertFacts.Fact f : facts) {
            ObjectNode row = rows.addObject();
            row.put("type", "tableRow");
            ArrayNode cells = row.putArray("content");
            cell(cells, "tableHeader", f.label());
            cell(cells, "tableCell", f.value());
        }
        return table;
    }

    private static void cell(ArrayNode cells, String type, String value) {
        ObjectNode cell = cells.addObject();
        cell.put("type", type);
        paragraph(cell.putArray("content"), value, false);
    }

    private static void paragraph(ArrayNode content, String value, boolean strong) {
        ObjectNode p = content.addObject();
        p.put("type", "paragraph");
        p.putArray("content").add(text(value, strong));
    }

    private static ObjectNode text(String value, boolean strong) {
        ObjectNode t = JsonBodies.object();
        t.put("type", "text");
        t.put("text", value);
        if (strong) {
            t.putArray("marks").addObject().put("type", "strong");
        }
        return t;
    }
}
