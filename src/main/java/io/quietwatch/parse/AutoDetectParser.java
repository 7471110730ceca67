package io.quietwatch.parse;

import java.util.List;

/**
 * Format {@code auto}: the formats are asked in their order ({@link EventParser#parseIfMine}, each
 * making its cheap marker test first) and the first that reads the line wins. A format that claims a
 * line but cannot read it passes it on to the next; when none can, the first claimant's reason is the
 * result.
 *
 * <p>A device sends one format, so asking every format before it on every line would cost more than
 * reading it (up to twice the parse for the formats asked last). {@code auto} therefore remembers, per
 * sending host (the syslog header's host name; lines without one share a memory), the format that read
 * its last line, and asks that one first: when it reads the line, that is the result, else the formats
 * are asked in order as above. A line that two formats would both read (another format's marker inside
 * a value) is read as its sender's format. At most {@link #SENDERS} hosts are remembered (a host whose
 * slot another took is detected again); thread-safe.
 */
public final class AutoDetectParser implements EventParser {
    static final int SENDERS = 1024;

    private final List<EventParser> parsers;
    private final Sender[] senders = new Sender[SENDERS];
    private volatile EventParser unnamed;

    /** A host and the format of its last line read; replaced whole, so threads may share the table. */
    private record Sender(String host, EventParser parser) {
    }

    public AutoDetectParser(List<EventParser> parsers) {
        this.parsers = List.copyOf(parsers);
    }

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public boolean claims(SyslogMessage message) {
        for (EventParser p : parsers) {
            if (p.claims(message)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ParseResult parse(SyslogMessage message, ParseContext context) {
        EventParser last = message == null ? null : last(message.hostname());
        ParseResult tried = null;
        if (last != null) {
            tried = last.parseIfMine(message, context);
            if (tried instanceof ParseResult.Parsed) {
                return tried;
            }
        }
        ParseResult result = ParseResult.NOT_MINE;
        for (EventParser p : parsers) {
            ParseResult r = p == last ? tried : p.parseIfMine(message, context);
            if (r instanceof ParseResult.Parsed) {
                if (message != null) {
                    remember(message.hostname(), p);
                }
                return r;
            }
            if (result instanceof ParseResult.NotMine) {
                result = r;
            }
        }
        return result;
    }

    private EventParser last(String host) {
        if (host == null) {
            return unnamed;
        }
        Sender s = senders[slot(host)];
        return s != null && s.host.equals(host) ? s.parser : null;
    }

    private void remember(String host, EventParser parser) {
        if (host == null) {
            if (unnamed != parser) {
                unnamed = parser;
            }
            return;
        }
        int slot = slot(host);
        Sender s = senders[slot];
        if (s == null || s.parser != parser || !s.host.equals(host)) {
            senders[slot] = new Sender(host, parser);
        }
    }

    private static int slot(String host) {
        int h = host.hashCode();
        return (h ^ h >>> 16) & (SENDERS - 1);
    }
}
