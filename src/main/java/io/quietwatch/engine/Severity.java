package io.quietwatch.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Default severity of a statement's alerts: {@code low}, {@code medium}, {@code high} or
 * {@code critical}. A {@code severity} column in the select clause overrides it per row.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Severity {
    /** The severity word. */
    String value();
}
