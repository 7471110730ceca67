package io.quietwatch.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a statement's alerts are folded into incidents by the alert router (ArcSight-style triggers):
 * {@code @Suppress(key = 'hostIp, destinationIp', seconds = 3600, trigger = 'first')}.
 * Without it: key {@code hostIp}, 24 hours (the config's {@code engine.dedupe_hours}), trigger {@code first}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Suppress {
    /**
     * Alert fields that make two alerts of the rule the same incident, comma separated: any of
     * {@code hostIp, userName, destinationIp, destinationPort, title, id}; the detection is always part
     * of the key. {@code id} makes the rule's own incident key decide.
     */
    String key() default "hostIp";

    /** Length of the suppression window, seconds; 0 means the config's default. */
    long seconds() default 0;

    /**
     * {@code first}: the first alert of an incident in the window goes out, repeats are counted and
     * held back (a higher severity still goes out); {@code every}: all go out; {@code periodic}: the first
     * goes out, then one summary per window with the count, if there were repeats; {@code summary}:
     * nothing goes out at once, one summary at the end of the window.
     */
    String trigger() default "first";
}
