package io.quietwatch.bench;

import io.quietwatch.parse.EventParser;
import io.quietwatch.parse.ParseContext;
import io.quietwatch.parse.ParseResult;
import io.quietwatch.parse.ParserRegistry;
import io.quietwatch.parse.SyslogMessage;
import org.openjdk.jmh.annotations.Setup;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * What format {@code auto} costs on a parser benchmark's lines (e.g. {@code ZeekParserBenchmark}): the CPU
 * time a line through {@code auto} against the same lines through the format's own parser, each in its
 * own JVM as {@link ParserCpuTime} does it. {@code auto} asks the formats' marker tests in their order
 * until one claims the line, so it costs most for the formats asked last. Run with the benchmark class and
 * {@code auto} or {@code own}; prints the lowest and median ns a line ({@link ParserCpuTime#perLine}).
 */
public final class AutoDetectCost {
    private AutoDetectCost() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName(AutoDetectCost.class.getPackageName() + "." + args[0]);
        Object bench = type.getConstructor().newInstance();
        for (Method m : type.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Setup.class)) {
                m.setAccessible(true);
                m.invoke(bench);
            }
        }
        SyslogMessage[] messages = (SyslogMessage[]) field(type, "messages").get(bench);
        ParseContext context = (ParseContext) field(type, "context").get(bench);
        EventParser own = (EventParser) field(type, "parser").get(bench);
        EventParser parser = args[1].equals("auto") ? ParserRegistry.forFormat("auto") : own;
        for (SyslogMessage m : messages) {
            ParseResult a = ParserRegistry.forFormat("auto").parse(m, context);
            ParseResult o = own.parse(m, context);
            if (!String.valueOf(a).equals(String.valueOf(o))) {
                throw new IllegalStateException("auto reads a line otherwise than " + own.name() + ": " + m.message());
            }
        }
        int[] next = {0};
        double[] nanos = ParserCpuTime.perLine(() -> {
            SyslogMessage m = messages[next[0]];
            next[0] = next[0] + 1 == messages.length ? 0 : next[0] + 1;
            return parser.parse(m, context);
        });
        System.out.printf("%-28s %-5s %7.1f ns/line (median %7.1f)%n", args[0], args[1], nanos[0], nanos[1]);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
