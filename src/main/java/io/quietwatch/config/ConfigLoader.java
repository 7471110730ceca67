package io.quietwatch.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code quietwatch.yaml} into {@link QuietWatchConfig} and reports every problem at once, each
 * as {@code file:line:column: key: message}: unknown keys, values of the wrong type, and values that
 * are out of range ({@link ConfigValidator}).
 */
public final class ConfigLoader {
    private final Set<String> formats;
    private final Path home;

    /**
     * A loader for QuietWatch's home in the working directory.
     *
     * @param formats the parser names a {@code format:} may name (besides {@code auto})
     */
    public ConfigLoader(Set<String> formats) {
        this(formats, Path.of("").toAbsolutePath());
    }

    /**
     * @param formats the parser names a {@code format:} may name (besides {@code auto})
     * @param home    QuietWatch's home, which relative files the daemon opens from there are checked against
     */
    public ConfigLoader(Set<String> formats, Path home) {
        this.formats = formats;
        this.home = home;
    }

    /**
     * The outcome of loading.
     *
     * @param config   the configuration (defaults where the file had problems); null if unreadable
     * @param problems every problem found
     */
    public record Result(QuietWatchConfig config, List<ConfigProblem> problems, String file, Map<String, int[]> keys) {
        public Result(QuietWatchConfig config, List<ConfigProblem> problems) {
            this(config, problems, "<defaults>", Map.of());
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        /** A problem positioned at the key a JSON pointer names ({@code /rule_variables/x}), or line 1. */
        public ConfigProblem problemAt(String pointer, String message) {
            int[] pos = keys.getOrDefault(pointer, new int[] {1, 1});
            return new ConfigProblem(file, pos[0], pos[1], message);
        }
    }

    /** Loads a file; {@code display} is how the file is named in messages. */
    public Result load(Path file, String display) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Result(null, List.of(new ConfigProblem(display, 1, 1, "the file does not exist")));
        } catch (IOException e) {
            return new Result(null, List.of(new ConfigProblem(display, 1, 1, "cannot read the file: " + e.getMessage())));
        }
        return parse(text, display);
    }

    /** The embedded defaults, validated like a file. */
    public Result defaults() {
        return parse("{}", "<defaults>");
    }

    /** Parses configuration text. */
    public Result parse(String text, String display) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, int[]> positions = new HashMap<>();
        Map<String, int[]> keys = new HashMap<>();
        try {
            index(text, positions, keys);
        } catch (IOException e) {
            problems.add(syntaxProblem(display, e));
            return new Result(null, problems);
        }
        QuietWatchConfig config;
        if (text.isBlank()) {
            config = QuietWatchConfig.defaults();
        } else {
            try {
                config = mapper(display, problems, keys).readValue(text, QuietWatchConfig.class);
            } catch (JsonMappingException e) {
                ConfigProblem p = at(display, e.getLocation(), path(e) + ": " + e.getOriginalMessage());
                if (problems.stream().noneMatch(q -> q.line() == p.line())) {
                    problems.add(p);
                }
                return new Result(null, problems);
            } catch (IOException e) {
                problems.add(syntaxProblem(display, e));
                return new Result(null, problems);
            }
            if (config == null) {
                config = QuietWatchConfig.defaults();
            }
        }
        if (problems.isEmpty()) {
            for (ConfigValidator.Issue issue : new ConfigValidator(formats, home).validate(config)) {
                int[] pos = positions.getOrDefault(issue.pointer(), nearest(positions, issue.pointer()));
                problems.add(new ConfigProblem(display, pos[0], pos[1], issue.message()));
            }
        }
        return new Result(problems.isEmpty() ? config : null, problems, display, keys);
    }

    /** Position of the closest enclosing key that the file has, or 1:1. */
    private static int[] nearest(Map<String, int[]> positions, String pointer) {
        String p = pointer;
        while (!p.isEmpty()) {
            int[] pos = positions.get(p);
            if (pos != null) {
                return pos;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
        return new int[] {1, 1};
    }

    private YAMLMapper mapper(String display, List<ConfigProblem> problems, Map<String, int[]> keys) {
        YAMLMapper m = YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        m.addHandler(new Collector(display, problems, keys));
        // sink types come from the class path: type: file, email, webhook, ...
        io.quietwatch.alert.SinkType.all().values()
                .forEach(t -> m.registerSubtypes(new com.fasterxml.jackson.databind.jsontype.NamedType(t.configClass(), t.type())));
        return m;
    }

    /** Records unknown keys and bad values and lets parsing go on, so all are reported together. */
    private static final class Collector extends DeserializationProblemHandler {
        private final String display;
        private final List<ConfigProblem> problems;
        private final Map<String, int[]> keys;

        Collector(String display, List<ConfigProblem> problems, Map<String, int[]> keys) {
            this.display = display;
            this.problems = problems;
            this.keys = keys;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            // records are bound from buffered tokens, which lost their positions: look the key up
            String pointer = p.getParsingContext().pathAsPointer().toString();
            if (!pointer.endsWith("/" + propertyName)) {
                pointer = pointer + "/" + propertyName;
            }
            int[] pos = keys.getOrDefault(pointer, new int[] {1, 1});
            problems.add(new ConfigProblem(display, pos[0], pos[1],
                    ConfigValidator.display(pointer) + ": unknown key '" + propertyName + "'"));
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                             String failureMsg) {
            JsonParser p = ctxt.getParser();
            problems.add(at(display, p.currentTokenLocation(), pointerText(p) + ": '" + valueToConvert + "' is not "
                    + describe(targetType)));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                             String failureMsg) {
            JsonParser p = ctxt.getParser();
            problems.add(at(display, p.currentTokenLocation(), pointerText(p) + ": " + valueToConvert + " is not "
                    + describe(targetType)));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                            String failureMsg) throws IOException {
            problems.add(at(display, p.currentTokenLocation(), pointerText(p) + ": expected "
                    + describe(targetType.getRawClass()) + " here"));
            p.skipChildren();
            return null;
        }

        @Override
        public JavaType handleUnknownTypeId(DeserializationContext ctxt, JavaType baseType, String subTypeId,
                                            TypeIdResolver idResolver, String failureMsg) {
            JsonParser p = ctxt.getParser();
            problems.add(at(display, p.currentTokenLocation(), pointerText(p) + ": unknown type '" + subTypeId
                    + "' (known: " + idResolver.getDescForKnownTypeIds() + ")"));
            return null;
        }

        @Override
        public JavaType handleMissingTypeId(DeserializationContext ctxt, JavaType baseType, TypeIdResolver idResolver,
                                            String failureMsg) {
            JsonParser p = ctxt.getParser();
            problems.add(at(display, p.currentTokenLocation(), pointerText(p) + ": 'type' is missing (known: "
                    + idResolver.getDescForKnownTypeIds() + ")"));
            return null;
        }
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a text value";
        }
        return "a mapping of keys";
    }

    /** Key path of the parser's position, as admins write it: {@code inputs[0].port}. */
    private static String pointerText(JsonParser p) {
        return ConfigValidator.display(p.getParsingContext().pathAsPointer().toString());
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            }
        }
        return sb.isEmpty() ? "(top level)" : sb.toString();
    }

    private static ConfigProblem syntaxProblem(String display, IOException e) {
        JsonLocation loc = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getLocation() : null;
        String msg = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return at(display, loc, "not valid YAML: " + msg.lines().findFirst().orElse(msg));
    }

    private static ConfigProblem at(String display, JsonLocation loc, String message) {
        int line = loc == null || loc.getLineNr() < 1 ? 1 : loc.getLineNr();
        int col = loc == null || loc.getColumnNr() < 1 ? 1 : loc.getColumnNr();
        return new ConfigProblem(display, line, col, message);
    }

    /** Maps every JSON pointer of the document to the line and column of its value, and of its key. */
    private static void index(String text, Map<String, int[]> positions, Map<String, int[]> keys) throws IOException {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    JsonLocation loc = p.currentTokenLocation();
                    keys.putIfAbsent(p.getParsingContext().pathAsPointer().toString(),
                            new int[] {Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr())});
                    continue;
                }
                String pointer = p.getParsingContext().pathAsPointer().toString();
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonLocation loc = p.currentTokenLocation();
                positions.putIfAbsent(pointer, new int[] {Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr())});
            }
        }
    }
}
