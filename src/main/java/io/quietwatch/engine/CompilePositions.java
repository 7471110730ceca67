package io.quietwatch.engine;

import com.espertech.esper.common.client.module.ModuleItem;

/**
 * Turns Esper's statement-relative error positions into file positions. Esper reports syntax errors
 * as "... at line L column C" counted inside the statement (column 0-based), and validation errors
 * without a position at all; for those the offending name quoted in the message is looked up in the
 * statement text.
 */
final class CompilePositions {
    private CompilePositions() {
    }

    /** File position {line, column} (1-based) of an error in the statement {@code item}. */
    static int[] locate(String fileText, ModuleItem item, String message) {
        // Esper's character positions drift after quoted text in earlier statements; its line numbers do not
        int start = lineOffset(fileText, item.getLineNumber());
        int exprStart = start;
        while (exprStart < fileText.length() && Character.isWhitespace(fileText.charAt(exprStart))) {
            exprStart++;
        }
        int[] stmtStart = lineAndColumn(fileText, exprStart);
        int[] rel = relativePosition(message);
        if (rel != null) {
            int line = stmtStart[0] + rel[0] - 1;
            // Esper counts lines from the statement's first line and columns from 0
            int column = rel[0] == 1 ? stmtStart[1] + rel[1] : rel[1] + 1;
            return new int[] {line, column};
        }
        int end = Math.max(start, lineOffset(fileText, item.getLineNumberEnd() + 1));
        String stmt = fileText.substring(start, end);
        for (String quoted : quotedNames(message)) {
            int at = indexOfWord(stmt, quoted);
            if (at >= 0) {
                return lineAndColumn(fileText, start + at);
            }
        }
        int content = firstContent(stmt);
        return lineAndColumn(fileText, start + content);
    }

    /** Offset of the start of 1-based {@code line}; the text's length past the last line. */
    static int lineOffset(String text, int line) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', offset);
            if (nl < 0) {
                return text.length();
            }
            offset = nl + 1;
        }
        return offset;
    }

    /** 1-based line and column of a character offset. */
    static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    private static int[] relativePosition(String message) {
        int at = message.indexOf(" at line ");
        if (at < 0) {
            return null;
        }
        int i = at + 9;
        int line = 0;
        while (i < message.length() && Character.isDigit(message.charAt(i))) {
            line = line * 10 + message.charAt(i++) - '0';
        }
        if (!message.startsWith(" column ", i)) {
            return line > 0 ? new int[] {line, 0} : null;
        }
        i += 8;
        int col = 0;
        while (i < message.length() && Character.isDigit(message.charAt(i))) {
            col = col * 10 + message.charAt(i++) - '0';
        }
        return line > 0 ? new int[] {line, col} : null;
    }

    private static java.util.List<String> quotedNames(String message) {
        java.util.List<String> names = new java.util.ArrayList<>();
        int i = 0;
        while ((i = message.indexOf('\'', i)) >= 0) {
            int j = message.indexOf('\'', i + 1);
            if (j < 0) {
                break;
            }
            String q = message.substring(i + 1, j);
            if (!q.isBlank() && q.length() < 80) {
                names.add(q);
            }
            i = j + 1;
        }
        // the most specific name usually comes last ("expression 'a=b': Property named 'a'")
        java.util.Collections.reverse(names);
        return names;
    }

    private static int indexOfWord(String text, String word) {
        int from = 0;
        while (true) {
            int at = text.indexOf(word, from);
            if (at < 0) {
                return -1;
            }
            boolean before = at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1));
            int after = at + word.length();
            boolean afterOk = after >= text.length() || !Character.isJavaIdentifierPart(text.charAt(after))
                    || !Character.isJavaIdentifierPart(word.charAt(word.length() - 1));
            if (before && afterOk) {
                return at;
            }
            from = at + 1;
        }
    }

    /** Offset of the first character that is not blank and not inside a comment. */
    private static int firstContent(String stmt) {
        int i = 0;
        while (i < stmt.length()) {
            char c = stmt.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (stmt.startsWith("//", i) || stmt.startsWith("--", i)) {
                int nl = stmt.indexOf('\n', i);
                i = nl < 0 ? stmt.length() : nl + 1;
            } else if (stmt.startsWith("/*", i)) {
                int end = stmt.indexOf("*/", i + 2);
                i = end < 0 ? stmt.length() : end + 2;
            } else {
                return i;
            }
        }
        return 0;
    }
}
