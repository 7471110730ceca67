package io.quietwatch.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vendor formats QuietWatch reads, by name, in the order {@code auto} tries them (most specific
 * markers first).
 */
public final class ParserRegistry {
    private static final List<EventParser> PARSERS = List.of(new CefParser(), new LeefParser(), new CiscoAsaParser(), new FortigateParser(), new FilterlogParser(), new JuniperSrxParser(), new CheckPointParser(), new NetfilterParser(), new PanOsParser(), new SquidParser(), new ZeekParser(), new OpenVpnParser());
    private static final Map<String, EventParser> BY_NAME = new LinkedHashMap<>();

    static {
        for (EventParser p : PARSERS) {
            BY_NAME.put(p.name(), p);
        }
    }

    private ParserRegistry() {
    }

    /** Format names, as {@code --format} and {@code format:} accept them (without {@code auto}). */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /**
     * The parser for a format name; {@code auto} gives the detecting parser.
     *
     * @throws IllegalArgumentException naming the known formats
     */
    public static EventParser forFormat(String name) {
        if (name == null || name.equals("auto")) {
            return new AutoDetectParser(PARSERS);
        }
        EventParser p = BY_NAME.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown format '" + name + "'; use auto or one of " + String.join(", ", names()));
        }
        return p;
    }
}
