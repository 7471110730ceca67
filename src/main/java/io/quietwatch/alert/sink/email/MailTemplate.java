package io.quietwatch.alert.sink.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A small template with named placeholders, parsed once:
 * <ul>
 *   <li>{@code {name}} — the value, passed through the escaper;</li>
 *   <li>{@code {#name}...{/name}} — for a list of maps, the inside once per item (its keys in scope);
 *       for a text value, the inside once if the text is not empty;</li>
 *   <li>{@code {^name}...{/name}} — the inside once if the value is missing, empty or an empty list.</li>
 * </ul>
 * Anything else, including a {@code {} that does not start a placeholder, is literal text. Values are
 * never scanned for placeholders, so text like {@code ${jndi:...}} or {@code {host}} inside a value
 * stays as it is.
 */
final class MailTemplate {
    private sealed interface Node permits Text, Value, Section {
    }

    private record Text(String text) implements Node {
    }

    private record Value(String name) implements Node {
    }

    private record Section(String name, boolean inverted, List<Node> body) implements Node {
    }

    private final List<Node> nodes;
    private final Set<String> names;

    private MailTemplate(List<Node> nodes, Set<String> names) {
        this.nodes = nodes;
        this.names = names;
    }

    /** Parses template text. @throws IllegalArgumentException for an unclosed or mismatched section */
    static MailTemplate parse(String text) {
        Set<String> names = new LinkedHashSet<>();
        List<Node> nodes = new ArrayList<>();
        int end = parse(text, 0, null, nodes, names);
        if (end != text.length()) {
            throw new IllegalArgumentException("unexpected section end at offset " + end);
        }
        return new MailTemplate(List.copyOf(nodes), Set.copyOf(names));
    }

    /** A template from the jar, next to this class. */
    static MailTemplate resource(String file) {
        try (InputStream in = MailTemplate.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("mail template " + file + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mail template " + file, e);
        }
    }

    /** Every placeholder and section name the template uses. */
    Set<String> names() {
        return names;
    }

    /** The template filled with {@code values}, each value passed through {@code escape}. */
    String fill(Map<String, ?> values, UnaryOperator<String> escape) {
        StringBuilder out = new StringBuilder(1024);
        render(nodes, List.of(values), escape, out);
        return out.toString();
    }

    /** Parses until the end or the closing tag of {@code open}; returns the offset after it. */
    private static int parse(String s, int from, String open, List<Node> into, Set<String> names) {
        int i = from;
        StringBuilder text = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            int close = c == '{' ? tagEnd(s, i) : -1;
            if (close < 0) {
                text.append(c);
                i++;
                continue;
            }
            flush(text, into);
            char kind = s.charAt(i + 1);
            String name = kind == '#' || kind == '^' || kind == '/' ? s.substring(i + 2, close) : s.substring(i + 1, close);
            i = close + 1;
            if (kind == '/') {
                if (!name.equals(open)) {
                    throw new IllegalArgumentException("'{/" + name + "}' closes no open section"
                            + (open == null ? "" : " (open: " + open + ")"));
                }
                return i;
            }
            names.add(name);
            if (kind == '#' || kind == '^') {
                List<Node> body = new ArrayList<>();
                i = parse(s, i, name, body, names);
                into.add(new Section(name, kind == '^', List.copyOf(body)));
            } else {
                into.add(new Value(name));
            }
        }
        flush(text, into);
        if (open != null) {
            throw new IllegalArgumentException("section '{#" + open + "}' is not closed with '{/" + open + "}'");
        }
        return i;
    }

    /** Index of the '}' of a tag starting at {@code at}, or -1 if no tag starts there. */
    private static int tagEnd(String s, int at) {
        int i = at + 1;
        if (i < s.length() && (s.charAt(i) == '#' || s.charAt(i) == '^' || s.charAt(i) == '/')) {
            i++;
        }
        int start = i;
        while (i < s.length() && isNameChar(s.charAt(i))) {
            i++;
        }
        return i > start && i < s.length() && s.charAt(i) == '}' ? i : -1;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static void flush(StringBuilder text, List<Node> into) {
        if (!text.isEmpty()) {
            into.add(new Text(text.toString()));
            text.setLength(0);
        }
    }

    private static void render(List<Node> nodes, List<Map<String, ?>> scopes, UnaryOperator<String> escape,
                               StringBuilder out) {
        for (Node n : nodes) {
            if (n instanceof Text t) {
                out.append(t.text());
            } else if (n instanceof Value v) {
                Object value = lookup(scopes, v.name());
                out.append(escape.apply(value == null ? "" : value.toString()));
            } else if (n instanceof Section sec) {
                section(sec, lookup(scopes, sec.name()), scopes, escape, out);
            }
        }
    }

    private static void section(Section sec, Object value, List<Map<String, ?>> scopes, UnaryOperator<String> escape,
                                StringBuilder out) {
        boolean empty = value == null || (value instanceof List<?> l && l.isEmpty())
                || (value instanceof String str && str.isEmpty());
        if (sec.inverted()) {
            if (empty) {
                render(sec.body(), scopes, escape, out);
            }
            return;
        }
        if (empty) {
            return;
        }
        if (value instanceof List<?> items) {
            for (Object item : items) {
                List<Map<String, ?>> inner = new ArrayList<>(scopes.size() + 1);
                if (item instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> scope = (Map<String, ?>) m;
                    inner.add(scope);
                }
                inner.addAll(scopes);
                render(sec.body(), inner, escape, out);
            }
        } else {
            render(sec.body(), scopes, escape, out);
        }
    }

    private static Object lookup(List<Map<String, ?>> scopes, String name) {
        for (Map<String, ?> scope : scopes) {
            if (scope.containsKey(name)) {
                return scope.get(name);
            }
        }
        return null;
    }
}
