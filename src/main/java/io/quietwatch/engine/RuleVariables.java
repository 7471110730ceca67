package io.quietwatch.engine;

import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPRuntime;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rule parameters: the {@code create variable} declarations of the rule files, and the values the
 * config's {@code rule_variables:} gives them. Values are checked and converted to the declared type
 * before anything is deployed.
 */
final class RuleVariables {
    private RuleVariables() {
    }

    /**
     * Converts the configured values to the declared types.
     *
     * @param declared variable name to EPL type ({@code long}, {@code int[]}, ...), from all rule files
     * @param problems receives one message per value that names no variable or does not fit its type
     * @return the converted values, by name
     */
    static Map<String, Object> convert(Map<String, String> declared, Map<String, Object> values, List<String> problems) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> {
            String type = declared.get(name);
            if (type == null) {
                problems.add("rule_variables." + name + ": no rule declares a variable named '" + name + "'");
                return;
            }
            try {
                out.put(name, convert(type, value));
            } catch (IllegalArgumentException e) {
                problems.add("rule_variables." + name + ": " + e.getMessage());
            }
        });
        return out;
    }

    /** Sets the converted values in whichever deployment declares each variable. */
    static void apply(EPRuntime runtime, List<EPDeployment> deployments, Map<String, Object> values) {
        values.forEach((name, value) -> {
            for (EPDeployment d : deployments) {
                try {
                    runtime.getVariableService().setVariableValue(d.getDeploymentId(), name, value);
                    return;
                } catch (com.espertech.esper.common.client.variable.VariableNotFoundException notHere) {
                    // declared in another deployment
                }
            }
            throw new IllegalStateException("variable " + name + " was declared at compile time but is not deployed");
        });
    }

    static Object convert(String type, Object value) {
        String t = type.strip().toLowerCase(Locale.ROOT);
        boolean primitive = t.endsWith("[primitive]");
        if (t.endsWith("[]") || primitive) {
            if (!(value instanceof List<?> list)) {
                throw new IllegalArgumentException("expected a list for type " + type + ", got " + describe(value));
            }
            // Esper's "int[]" holds boxed Integers; "int[primitive]" holds ints
            String element = t.substring(0, t.indexOf('[')).strip();
            return switch (element) {
                case "int", "integer" -> primitive ? list.stream().mapToInt(v -> (Integer) convert("int", v)).toArray()
                        : list.stream().map(v -> (Integer) convert("int", v)).toArray(Integer[]::new);
                case "long" -> primitive ? list.stream().mapToLong(v -> (Long) convert("long", v)).toArray()
                        : list.stream().map(v -> (Long) convert("long", v)).toArray(Long[]::new);
                case "double" -> primitive ? list.stream().mapToDouble(v -> (Double) convert("double", v)).toArray()
                        : list.stream().map(v -> (Double) convert("double", v)).toArray(Double[]::new);
                case "string" -> list.stream().map(v -> (String) convert("string", v)).toArray(String[]::new);
                default -> throw new IllegalArgumentException("variables of type " + type + " cannot be set from the config");
            };
        }
        return switch (t) {
            case "int", "integer" -> {
                long v = integral(value, type);
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(value + " does not fit type int");
                }
                yield (int) v;
            }
            case "long" -> integral(value, type);
            case "double", "float" -> {
                if (!(value instanceof Number n)) {
                    throw new IllegalArgumentException("expected a number, got " + describe(value));
                }
                yield n.doubleValue();
            }
            case "boolean" -> {
                if (!(value instanceof Boolean b)) {
                    throw new IllegalArgumentException("expected true or false, got " + describe(value));
                }
                yield b;
            }
            case "string" -> {
                if (value instanceof List<?> || value instanceof Map<?, ?> || value == null) {
                    throw new IllegalArgumentException("expected text, got " + describe(value));
                }
                yield value.toString();
            }
            default -> throw new IllegalArgumentException("variables of type " + type + " cannot be set from the config");
        };
    }

    private static long integral(Object value, String type) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException("expected a whole number for type " + type + ", got " + describe(value));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        return "'" + value + "'";
    }
}
