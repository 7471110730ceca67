package io.quietwatch.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.Arrays;

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
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String name : args) {
            Class<?> type = Class.forName(ParserCpuTime.class.getPackageName() + "." + name);
            Method parse = type.getMethod("parse");
            MethodHandle call = MethodHandles.lookup().unreflect(parse)
                    .bindTo(type.getConstructor().newInstance()).asType(MethodType.methodType(Object.class));
            double[] nanos = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                long start = threads.getCurrentThreadCpuTime();
                Object last = null;
                for (int i = 0; i < LINES; i++) {
                    last = (Object) call.invokeExact();
                }
                nanos[r] = (threads.getCurrentThreadCpuTime() - start) / (double) LINES;
                sink = last;
            }
            Arrays.sort(nanos, WARMUP, ROUNDS);
            double min = nanos[WARMUP];
            System.out.printf("%-28s %7.1f ns/line (median %7.1f), %,.0f lines/s of CPU time%n", name, min,
                    nanos[WARMUP + (ROUNDS - WARMUP) / 2], 1e9 / min);
        }
    }
}
