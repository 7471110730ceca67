package io.quietwatch.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an EPL statement whose output rows are alerts, and names the detection they belong to:
 * {@code @Detection('http-tunnel') select ... from ...}. Statements without it (helper streams,
 * windows, tables) raise nothing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Detection {
    /** Detection id, e.g. {@code uncommon-port}. */
    String value();
}
