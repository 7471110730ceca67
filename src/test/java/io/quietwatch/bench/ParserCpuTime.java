package io.quietwatch.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The {@code parse()} benchmark of a parser (the JMH classes here, e.g. {@code CefParserBenchmark}) timed
 * by the thread's own CPU time instead of the wall clock: on a machine whose cores other jobs share, JMH's
 * figures drop with every job that takes the core away, while the CPU time a line costs stays within a
 * few percent. Prints the lowest and the median of ten rounds of 200,000 lines after three warm-up rounds.
 * Each class named on the command line runs in this one JVM, so run one per JVM to compare parsers
 * (code they share is compiled for the first one's lines otherwise).
 */
public final class ParserCpuTime {
    private static final int WARMUP = 3;
    private static final int ROUNDS = 13;
    private static final int LINES = 200_000;
    private static volatile Object sink;

    private ParserCpuTime() {
    }

    public static void main(String[] args) throws Throwable {
        for (String name : args) {
            Class<?> type = Class.forName(ParserCpuTime.class.getPackageName() + "." + name);
            Method parse = type.getMethod("parse");
            MethodHandle call = MethodHandles.lookup().unreflect(parse)
                    .bindTo(type.getConstructor().newInstance()).asType(MethodType.methodType(Object.class));
            double[] nanos = perLine(() -> {
                try {
                    return (Object) call.invokeExact();
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            });
            System.out.printf("%-28s %7.1f ns/line (median %7.1f), %,.0f lines/s of CPU time%n", name, nanos[0],
                    nanos[1], 1e9 / nanos[0]);
        }
    }

    /**
     * The thread's CPU time per call of {@code line}: the lowest and the median of ten rounds of 200,000
     * calls after three warm-up rounds.
     */
    static double[] perLine(Supplier<Object> line) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] nanos = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long start = threads.getCurrentThreadCpuTime();
            Object last = null;
            for (int i = 0; i < LINES; i++) {
                last = line.get();
            }
            nanos[r] = (threads.getCurrentThreadCpuTime() - start) / (double) LINES;
            sink = last;
        }
        Arrays.sort(nanos, WARMUP, ROUNDS);
        return new double[] {nanos[WARMUP], nanos[WARMUP + (ROUNDS - WARMUP) / 2]};
    }
}
