package io.quietwatch.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Default title of a statement's alerts, one line for a mail subject or ticket summary. A
 * {@code title} column in the select clause overrides it per row.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Title {
    /** The title text. */
    String value();
}
