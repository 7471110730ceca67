package io.quietwatch.alert.sink.syslog;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * An alert as one ArcSight CEF record:
 * {@code CEF:0|QuietWatch|QuietWatch|<version>|<detection>|<title>|<severity 0-10>|<extension>}.
 *
 * <p>Extension, in this order (the order in which fields are dropped last to first when the record must
 * fit a size limit): {@code rt} alert time, {@code externalId} alert id, {@code cs3} detection,
 * {@code act=alert}, {@code cnt} count, {@code start}/{@code end} first and last seen (epoch ms), the alert's
 * internal host ({@code host.ip}) as {@code src} (IPv4), {@code c6a2} (IPv6) or {@code shost} (anything
 * else), the destination as {@code dst}/{@code c6a3}/{@code dhost} and {@code dpt}, {@code suser} user,
 * {@code cs1} rule, {@code request} the first evidence URL, {@code msg} and {@code cs2} the reason. The
 * internal host is reported as the source whatever the traffic's direction: it is the host the alert is about.
 *
 * <p>A record over the limit keeps whole fields only (never half an escape) and ends with
 * {@code cs4Label=truncated cs4=<dropped keys, comma-separated>}; a title cut to fit is listed as {@code name}.
 * Thread-safe.
 */
public final class CefFormatter {
    /** ArcSight keeps at most this many characters of the header's Name. */
    public static final int TITLE_MAX_CHARS = 512;
    private static final int DETECTION_MAX_CHARS = 128;
    private static final int VERSION_MAX_CHARS = 31;
    /** Room kept for the truncation marker and the first fields when cutting. */
    private static final int MARKER_RESERVE = 256;

    private final String version;

    /** @param productVersion QuietWatch's version, the header's Device Version */
    public CefFormatter(String productVersion) {
        this.version = CefText.cut(productVersion == null ? "dev" : productVersion, VERSION_MAX_CHARS);
    }

    /** One extension field: {@code key} names it in the truncation marker; {@code text} is {@code k=v[ k=v]}. */
    private record Field(String key, String text) {
    }

    /** CEF severity (0-10): low 3, medium 5, high 8, critical 10 (ArcSight's low/medium/high/very-high bands). */
    public static int cefSeverity(AlertSeverity s) {
        return switch (s) {
            case LOW -> 3;
            case MEDIUM -> 5;
            case HIGH -> 8;
            case CRITICAL -> 10;
        };
    }

    /** The whole record, with no size limit (titles longer than {@link #TITLE_MAX_CHARS} are still cut). */
    public String format(Alert alert) {
        return format(alert, Integer.MAX_VALUE);
    }

    /** The record in at most {@code maxBytes} UTF-8 bytes (at least 1024), dropping fields as described above. */
    public String format(Alert alert, int maxBytes) {
        String fullTitle = alert.title() == null ? alert.detection() : alert.title();
        String title = CefText.cut(fullTitle, TITLE_MAX_CHARS);
        String head = header(alert, title);
        List<Field> fields = extension(alert);
        int total = CefText.utf8Length(head) + fields.size() - 1;
        for (Field f : fields) {
            total += CefText.utf8Length(f.text());
        }
        if (total <= maxBytes && title.length() == fullTitle.length()) {
            StringBuilder out = new StringBuilder(total).append(head);
            for (int i = 0; i < fields.size(); i++) {
                out.append(i == 0 ? "" : " ").append(fields.get(i).text());
            }
            return out.toString();
        }
        List<String> dropped = new ArrayList<>();
        int excess = CefText.utf8Length(head) + MARKER_RESERVE - maxBytes;
        if (excess > 0) {
            // each char removed from the title takes at least one byte off the header
            title = CefText.cut(title, title.length() - excess);
            head = header(alert, title);
        }
        if (title.length() < fullTitle.length()) {
            dropped.add("name");
        }
        return fit(head, fields, maxBytes - MARKER_RESERVE, dropped);
    }

    private static String fit(String head, List<Field> fields, int budget, List<String> dropped) {
        StringBuilder out = new StringBuilder(head.length() + 512).append(head);
        int used = CefText.utf8Length(head);
        boolean first = true;
        for (Field f : fields) {
            int need = CefText.utf8Length(f.text()) + (first ? 0 : 1);
            if (used + need <= budget) {
                out.append(first ? "" : " ").append(f.text());
                used += need;
                first = false;
            } else {
                dropped.add(f.key());
            }
        }
        if (!dropped.isEmpty()) {
            out.append(first ? "" : " ").append("cs4Label=truncated cs4=").append(String.join(",", dropped));
        }
        return out.toString();
    }

    private String header(Alert a, String title) {
        StringBuilder h = new StringBuilder(64 + title.length()).append("CEF:0|QuietWatch|QuietWatch|");
        CefText.appendHeader(h, version);
        h.append('|');
        CefText.appendHeader(h, CefText.cut(a.detection(), DETECTION_MAX_CHARS));
        h.append('|');
        CefText.appendHeader(h, title);
        return h.append('|').append(cefSeverity(a.severity())).append('|').toString();
    }

    private static List<Field> extension(Alert a) {
        List<Field> f = new ArrayList<>(16);
        add(f, "rt", null, Long.toString(a.timestamp()));
        add(f, "externalId", null, a.id());
        add(f, "cs3", "detection", a.detection());
        add(f, "act", null, "alert");
        add(f, "cnt", null, Long.toString(a.count()));
        if (a.firstSeen() > 0) {
            add(f, "start", null, Long.toString(a.firstSeen()));
        }
        if (a.lastSeen() > 0) {
            add(f, "end", null, Long.toString(a.lastSeen()));
        }
        address(f, a.hostIp(), "src", "c6a2", "Source IPv6 Address", "shost");
        address(f, a.destinationIp(), "dst", "c6a3", "Destination IPv6 Address", "dhost");
        if (a.destinationPort() != null) {
            add(f, "dpt", null, a.destinationPort().toString());
        }
        add(f, "suser", null, a.userName());
        add(f, "cs1", "rule", a.rule());
        add(f, "request", null, firstUrl(a));
        add(f, "msg", null, a.reason());
        add(f, "cs2", "reason", a.reason());
        return f;
    }

    private static void address(List<Field> f, String value, String v4Key, String v6Key, String v6Label, String nameKey) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (IpAddresses.parseIpv4(value) >= 0) {
            add(f, v4Key, null, value);
        } else if (IpAddresses.isAddress(value)) {
            add(f, v6Key, v6Label, value);
        } else {
            add(f, nameKey, null, value);
        }
    }

    private static String firstUrl(Alert a) {
        for (LogEvent e : a.evidence()) {
            if (e.url() != null && !e.url().isEmpty()) {
                return e.url();
            }
        }
        return null;
    }

    private static void add(List<Field> f, String key, String label, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        StringBuilder t = new StringBuilder(key.length() * 2 + value.length() + 16);
        if (label != null) {
            t.append(key).append("Label=");
            CefText.appendValue(t, label);
            t.append(' ');
        }
        t.append(key).append('=');
        CefText.appendValue(t, value);
        f.add(new Field(key, t.toString()));
    }
}
