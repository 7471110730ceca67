package io.quietwatch.alert;

import java.util.List;

/** A sink refused to start; {@link #problems()} lists every reason, each naming the setting. */
public final class SinkException extends Exception {
    private final List<String> problems;

    public SinkException(String sink, List<String> problems) {
        super("sink " + sink + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public SinkException(String sink, String problem, Throwable cause) {
        super("sink " + sink + ": " + problem, cause);
        this.problems = List.of(problem);
    }

    /** Every problem, e.g. {@code "smtp_host: is required"}. */
    public List<String> problems() {
        return problems;
    }
}
