package io.quietwatch.alert;

import java.util.Locale;

/** When the router lets an incident's alerts out (see {@code @Suppress}). */
public enum Trigger {
    FIRST, EVERY, PERIODIC, SUMMARY;

    /**
     * Parses {@code first|every|periodic|summary}.
     *
     * @throws IllegalArgumentException naming the accepted words
     */
    public static Trigger parse(String word) {
        for (Trigger t : values()) {
            if (t.name().equalsIgnoreCase(word == null ? "" : word.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("trigger '" + word + "' is not one of first, every, periodic, summary");
    }
}
