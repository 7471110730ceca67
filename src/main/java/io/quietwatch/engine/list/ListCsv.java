package io.quietwatch.engine.list;

import io.quietwatch.event.Cidr;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The list file format: CSV ({@code value,expires,comment}, RFC 4180 quoting), one entry per line;
 * a first line {@code value,expires,comment} is a header; lines starting with {@code #} and blank
 * lines are ignored. {@code expires} is empty (never), a date ({@code 2026-12-31}, the start of that
 * day in UTC) or an ISO-8601 time ({@code 2026-12-31T18:00:00Z}).
 */
public final class ListCsv {
    public static final String HEADER = "value,expires,comment";

    private ListCsv() {
    }

    /** What reading a file gave: its entries, and the problems as {@code display:line:column: message}. */
    public record Parsed(List<ListEntry> entries, List<String> problems) {
    }

    /** Parses the text of a list file; {@code display} names it in problems. */
    public static Parsed parse(String text, String display) {
        List<ListEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank() || line.stripLeading().startsWith("#") || n == 0 && line.strip().equalsIgnoreCase(HEADER)) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            List<Integer> columns = new ArrayList<>();
            String error = split(line, fields, columns);
            if (error != null) {
                problems.add(display + ":" + (n + 1) + ":" + columns.get(columns.size() - 1) + ": " + error);
                continue;
            }
            if (fields.size() > 3) {
                problems.add(display + ":" + (n + 1) + ":" + columns.get(3) + ": more than three columns (value,expires,comment); quote a comment that holds commas");
                continue;
            }
            String value = fields.get(0).strip();
            if (value.isEmpty()) {
                problems.add(display + ":" + (n + 1) + ":1: the value is empty");
                continue;
            }
            String valueProblem = checkValue(value);
            if (valueProblem != null) {
                problems.add(display + ":" + (n + 1) + ":" + columns.get(0) + ": " + valueProblem);
                continue;
            }
            long expires = 0;
            if (fields.size() > 1 && !fields.get(1).isBlank()) {
                try {
                    expires = parseTime(fields.get(1).strip());
                } catch (DateTimeException e) {
                    problems.add(display + ":" + (n + 1) + ":" + columns.get(1) + ": expiry '" + fields.get(1).strip()
                            + "' is not a date (2026-12-31) or time (2026-12-31T18:00:00Z)");
                    continue;
                }
            }
            entries.add(new ListEntry(value, expires, fields.size() > 2 ? fields.get(2) : ""));
        }
        return new Parsed(entries, problems);
    }

    /** The file text for a list's entries. */
    public static String format(List<ListEntry> entries) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (ListEntry e : entries) {
            sb.append(quote(e.value())).append(',');
            if (e.expiresAt() > 0) {
                sb.append(Instant.ofEpochMilli(e.expiresAt()));
            }
            sb.append(',').append(quote(e.comment())).append('\n');
        }
        return sb.toString();
    }

    static long parseTime(String s) {
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        return OffsetDateTime.parse(s).toInstant().toEpochMilli();
    }

    private static String checkValue(String v) {
        int slash = v.indexOf('/');
        if (slash > 0 && ListMatcher.looksLikeAddress(v.substring(0, slash))) {
            try {
                Cidr.parse(v);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        if (ListMatcher.isRange(v)) {
            int dash = v.indexOf('-');
            if (Long.parseLong(v.substring(0, dash).strip()) > Long.parseLong(v.substring(dash + 1).strip())) {
                return "range '" + v + "' starts after it ends";
            }
        }
        if (v.indexOf('*') >= 0 && !(v.startsWith("*.") && v.indexOf('*', 1) < 0)) {
            return "'" + v + "': a wildcard is only allowed as a leading '*.' (e.g. *.example.com)";
        }
        return null;
    }

    /** Splits one CSV line; returns an error message or null. {@code columns} gets 1-based start columns. */
    private static String split(String line, List<String> fields, List<Integer> columns) {
        int i = 0;
        while (true) {
            columns.add(i + 1);
            StringBuilder field = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        return "a quoted value is not closed";
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    return "text after a closing quote";
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            if (i >= line.length()) {
                return null;
            }
            i++; // the comma
        }
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.strip().equals(s)) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"").replace("\n", " ") + '"';
    }
}
