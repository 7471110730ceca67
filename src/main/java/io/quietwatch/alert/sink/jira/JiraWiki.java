package io.quietwatch.alert.sink.jira;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.sink.http.AlertFacts;
import io.quietwatch.alert.sink.http.AlertText;

import java.util.List;

/**
 * The issue description for Jira Data Center in wiki markup: the reason, a table of facts, and the
 * evidence in a {@code {noformat}} block. Alert text is escaped so that it shows as typed: every
 * character the renderer treats as markup gets a backslash, and a {@code {noformat}} inside the
 * evidence is written {@code \x7bnoformat} so it cannot end the block early. A backslash cannot
 * itself be escaped and is written as the entity {@code &bsol;}. Escaping {@code :} and {@code ;}
 * also stops smileys and auto-linked URLs. Text never starts a line (the reason follows a label,
 * values follow a table bar), so {@code h1.}, {@code bq.} and list markers stay text. The renderer
 * HTML-escapes text itself, so {@code <script>} shows as written.
 */
final class JiraWiki {
    /** The inline markup characters of Jira's renderer; a backslash before one shows it as typed. */
    private static final String SPECIAL = "_+-*^~|[]{}(?!&:;";

    private JiraWiki() {
    }

    static String description(Alert a) {
        StringBuilder sb = new StringBuilder(2048);
        if (a.reason() != null && !a.reason().isBlank()) {
            sb.append("*Reason:* ").append(escape(AlertText.oneLine(a.reason(), 2000))).append("\n\n");
        }
        sb.append("||Field||Value||\n");
        for (AlertFacts.Fact f : AlertFacts.of(a)) {
            sb.append('|').append(escape(f.label())).append('|').append(escape(f.value())).append("|\n");
        }
        List<String> lines = AlertFacts.evidenceLines(a);
        if (!lines.isEmpty()) {
            sb.append("\n*Evidence*\n{noformat}\n");
            String block = AlertText.cut(String.join("\n", lines), JiraAdf.MAX_EVIDENCE);
            sb.append(neutraliseNoformat(block)).append("\n{noformat}\n");
        }
        return sb.toString();
    }

    /** {@code text} with a backslash before each wiki markup character; one-line input stays one line. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                sb.append("&bsol;");
                continue;
            }
            if (SPECIAL.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String neutraliseNoformat(String block) {
        StringBuilder sb = new StringBuilder(block.length());
        int from = 0;
        while (true) {
            int at = indexOfIgnoreCase(block, "{noformat", from);
            if (at < 0) {
                return sb.append(block, from, block.length()).toString();
            }
            sb.append(block, from, at).append("\\x7b");
            from = at + 1;
        }
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        for (int i = from; i + what.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }
}
