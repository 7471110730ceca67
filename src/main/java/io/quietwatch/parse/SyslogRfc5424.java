package io.quietwatch.parse;

import static io.quietwatch.parse.SyslogTokens.afterSpace;
import static io.quietwatch.parse.SyslogTokens.tokenEnd;

/**
 * RFC 5424 section 6: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [SP MSG]},
 * each header field {@code -} when nil. Read leniently: missing trailing fields end the header, and
 * structured data that does not scan is left in the message rather than lost.
 */
final class SyslogRfc5424 {
    private static final char BOM = '\uFEFF';

    private SyslogRfc5424() {
    }

    /**
     * Reads the header after {@code "<PRI>1 "} (at {@code p}); null when the next field is neither a nil
     * nor an RFC 3339 stamp, i.e. the line is not RFC 5424 after all.
     */
    static SyslogMessage read(String s, int priority, int p, SyslogLocalTime time, ParseContext context) {
        int n = s.length();
        long timestamp = SyslogMessage.NO_TIMESTAMP;
        if (isNil(s, p)) {
            p++;
        } else {
            SyslogStamp stamp = new SyslogStamp();
            int end = stamp.readIso(s, p);
            if (end < 0 || end < n && s.charAt(end) != ' ') {
                return null;
            }
            timestamp = stamp.epochMillis(context.defaultZone(), time, context.clock());
            p = end;
        }
        p = afterSpace(s, p);
        int end = tokenEnd(s, p);
        String host = field(s, p, end);
        p = afterSpace(s, end);
        end = tokenEnd(s, p);
        String app = field(s, p, end);
        p = afterSpace(s, tokenEnd(s, afterSpace(s, end)));
        p = afterSpace(s, tokenEnd(s, p));
        String structured = null;
        if (isNil(s, p)) {
            p = afterSpace(s, p + 1);
        } else if (p < n && s.charAt(p) == '[') {
            end = SyslogStructuredData.end(s, p);
            if (end > 0) {
                structured = s.substring(p, end);
                p = afterSpace(s, end);
            }
        }
        if (p < n && s.charAt(p) == BOM) {
            p++;
        }
        return new SyslogMessage(s, priority, timestamp, host, app, structured, s.substring(p));
    }

    private static boolean isNil(String s, int p) {
        return p < s.length() && s.charAt(p) == '-' && (p + 1 == s.length() || s.charAt(p + 1) == ' ');
    }

    private static String field(String s, int start, int end) {
        return start == end || end == start + 1 && s.charAt(start) == '-' ? null : s.substring(start, end);
    }
}
