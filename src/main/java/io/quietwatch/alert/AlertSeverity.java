package io.quietwatch.alert;

import java.util.Locale;

/** Alert severity, ordered from least to most urgent. */
public enum AlertSeverity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case word used in rules, JSON and config. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * 1 for low up to 4 for critical: the number stored in the alert store's {@code severity_rank} column
     * and sent as TheHive's severity and the engine event's {@code severity_rank}.
     */
    public int rank() {
        return ordinal() + 1;
    }

    /**
     * Parses {@code low|medium|high|critical} (any case).
     *
     * @throws IllegalArgumentException naming the accepted words
     */
    public static AlertSeverity parse(String word) {
        if (word != null) {
            for (AlertSeverity s : values()) {
                if (s.name().equalsIgnoreCase(word.strip())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("severity '" + word + "' is not one of low, medium, high, critical");
    }

    @Override
    public String toString() {
        return word();
    }
}
