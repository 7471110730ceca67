package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * THREAT logs, and URL logs, which share their layout ("Threat Log Fields" / "URL Filtering Log
 * Fields", PAN-OS 6.1 to 11.x): the session fields, then URL/Filename (index 31, quoted), Threat ID,
 * Category, Severity, Direction, ..., Content Type (41), ..., User Agent (46), ..., Device Name (59),
 * ..., HTTP Method (63, since 8.1). Lines need the fields up to Direction; the later ones are read
 * where present.
 *
 * <p>Subtype {@code url} (and log type {@code URL}) is a web request: category {@code web}, the URL as
 * logged, its host, the file name its path ends in, and the URL category as the reason. Other subtypes
 * are category {@code network} with the threat name as the reason; the file subtypes ({@code file},
 * {@code virus}, {@code wildfire}, {@code wildfire-virus}) name the file. The event code is the threat
 * id ({@code 9999} for URL filtering).
 */
final class PanOsThreat {
    static final int URL_OR_FILENAME = 31;
    static final int THREAT_ID = 32;
    static final int CATEGORY = 33;
    static final int DIRECTION = 35;
    static final int CONTENT_TYPE = 41;
    static final int USER_AGENT = 46;
    static final int DEVICE_NAME = 59;
    static final int HTTP_METHOD = 63;
    /** Fields up to and including Direction. */
    static final int REQUIRED = DIRECTION + 1;
    /** Fields up to and including HTTP Method. */
    static final int FIELDS = HTTP_METHOD + 1;

    private PanOsThreat() {
    }

    /** Reads a THREAT log, or a URL log when {@code urlLog}. */
    static void read(PanOsCsv f, LogEventBuilder b, boolean urlLog) {
        int found = f.ensure(FIELDS);
        if (found < REQUIRED) {
            throw PanOsFieldException.tooFewFields(urlLog ? "URL" : "THREAT", found, REQUIRED);
        }
        String action = PanOsNetwork.read(f, b);
        b.outcome(PanOsNetwork.outcome(action))
                .mimeType(f.text(CONTENT_TYPE))
                .userAgent(f.text(USER_AGENT))
                .httpMethod(f.text(HTTP_METHOD));
        String threat = f.text(THREAT_ID);
        int open = threat == null ? -1 : threat.lastIndexOf('(');
        b.eventCode(threatId(threat, open));
        String misc = f.text(URL_OR_FILENAME);
        if (urlLog || f.is(PanOsParser.SUBTYPE, "url")) {
            b.category(LogEvent.CATEGORY_WEB).reason(f.text(CATEGORY));
            if (misc != null) {
                b.url(misc).urlDomain(PanOsUrl.domain(misc)).fileName(PanOsUrl.fileName(misc));
            }
        } else {
            b.category(LogEvent.CATEGORY_NETWORK).reason(threatName(threat, open));
            if (misc != null && fileSubtype(f)) {
                b.fileName(PanOsUrl.lastSegment(misc));
            }
        }
        PanOsParser.deviceName(f, DEVICE_NAME, b);
    }

    private static boolean fileSubtype(PanOsCsv f) {
        return f.is(PanOsParser.SUBTYPE, "file") || f.is(PanOsParser.SUBTYPE, "virus")
                || f.is(PanOsParser.SUBTYPE, "wildfire") || f.is(PanOsParser.SUBTYPE, "wildfire-virus");
    }

    /** {@code 13235} of {@code Name(13235)} or {@code (9999)}; the whole text when it has no parentheses. */
    private static String threatId(String threat, int open) {
        if (threat == null || open < 0) {
            return threat;
        }
        int close = threat.indexOf(')', open);
        if (close < 0 || close == open + 1) {
            return threat;
        }
        return threat.substring(open + 1, close);
    }

    /** {@code Name} of {@code Name(13235)}; null when only the id is logged. */
    private static String threatName(String threat, int open) {
        if (threat == null) {
            return null;
        }
        String name = (open < 0 ? threat : threat.substring(0, open)).strip();
        return name.isEmpty() ? null : name;
    }
}
