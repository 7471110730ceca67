package io.quietwatch.alert.sink.thehive;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.sink.http.AlertFacts;
import io.quietwatch.alert.sink.http.AlertText;

import java.util.List;

/**
 * The alert description in Markdown: the reason, a table of facts, and the evidence in a fenced code
 * block. Alert text gets a backslash before every ASCII punctuation character (CommonMark section
 * 2.4 shows any such escaped character as itself), so no emphasis, link, HTML tag, entity, table
 * cell break or autolink can come from it; the fence is one backtick longer than any run of
 * backticks in the evidence, so the evidence cannot close it.
 */
final class TheHiveMarkdown {
    private TheHiveMarkdown() {
    }

    static String description(Alert a) {
        StringBuilder sb = new StringBuilder(2048);
        if (a.reason() != null && !a.reason().isBlank()) {
            sb.append("**Reason:** ").append(escape(AlertText.oneLine(a.reason(), 2000))).append("\n\n");
        }
        sb.append("| Field | Value |\n|---|---|\n");
        for (AlertFacts.Fact f : AlertFacts.of(a)) {
            sb.append("| ").append(escape(f.label())).append(" | ").append(escape(f.value())).append(" |\n");
        }
        List<String> lines = AlertFacts.evidenceLines(a);
        if (!lines.isEmpty()) {
            String block = String.join("\n", lines);
            String fence = "`".repeat(Math.max(3, longestBacktickRun(block) + 1));
            sb.append("\n**Evidence**\n\n").append(fence).append("text\n").append(block).append('\n').append(fence).append('\n');
        }
        return sb.toString();
    }

    /** {@code text} with a backslash before each ASCII punctuation character. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static int longestBacktickRun(String s) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }
}
