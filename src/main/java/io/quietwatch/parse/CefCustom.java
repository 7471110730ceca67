package io.quietwatch.parse;

import java.util.Arrays;

/**
 * The custom fields of one CEF line by what their labels say they hold ({@link CefLabels}): for each
 * kind, the first custom field (in the order cs1-cs6, cn1-cn4, flexString1-2, flexNumber1-2,
 * c6a1-c6a4) whose label names it and whose value is not blank. One instance per line.
 */
final class CefCustom {
    private static final int NONE = -1;

    private final CefFields fields;
    private final int[] byKind;

    private CefCustom(CefFields fields, int[] byKind) {
        this.fields = fields;
        this.byKind = byKind;
    }

    static CefCustom resolve(CefFields f, CefLabels labels) {
        int[] byKind = null;
        for (int i = 0; i < CefKeys.CUSTOM_COUNT; i++) {
            int label = CefKeys.CUSTOM + CefKeys.CUSTOM_COUNT + i;
            int value = CefKeys.CUSTOM + i;
            if (!f.has(label) || !f.present(value)) {
                continue;
            }
            int kind = labels.kind(f.line(), f.from(label), f.to(label));
            if (kind == CefLabels.NONE) {
                continue;
            }
            if (byKind == null) {
                byKind = new int[CefLabels.KINDS];
                Arrays.fill(byKind, NONE);
            }
            if (byKind[kind] == NONE) {
                byKind[kind] = value;
            }
        }
        return new CefCustom(f, byKind);
    }

    /** The value of the first custom field of {@code kind} as text, or null. */
    String text(int kind) {
        int id = id(kind);
        return id == NONE ? null : fields.text(id);
    }

    /** The value as a whole non-negative number (a fraction is cut off), or {@link CefFields#ABSENT}. */
    long number(int kind) {
        int id = id(kind);
        if (id == NONE) {
            return CefFields.ABSENT;
        }
        String s = fields.line();
        int from = fields.from(id);
        int to = fields.to(id);
        int end = from;
        while (end < to && s.charAt(end) != '.') {
            end++;
        }
        return CefFields.number(s, from, end);
    }

    /** The value as an IP address literal, or null. */
    String address(int kind) {
        int id = id(kind);
        return id == NONE ? null : fields.address(id);
    }

    /** The duration a custom field gives, in nanoseconds, or null. */
    Long durationNanos() {
        long seconds = number(CefLabels.DURATION_SECONDS);
        if (seconds != CefFields.ABSENT) {
            return seconds * 1_000_000_000L;
        }
        long millis = number(CefLabels.DURATION_MILLIS);
        return millis == CefFields.ABSENT ? null : millis * 1_000_000L;
    }

    /** Total packets, or the sum of packets sent and received, or null. */
    Long packets() {
        long total = number(CefLabels.PACKETS);
        if (total != CefFields.ABSENT) {
            return total;
        }
        long sent = number(CefLabels.PACKETS_SENT);
        long received = number(CefLabels.PACKETS_RECEIVED);
        return sent == CefFields.ABSENT || received == CefFields.ABSENT ? null : sent + received;
    }

    /** The total bytes a custom field gives, or null. */
    Long bytesTotal() {
        long total = number(CefLabels.BYTES_TOTAL);
        return total == CefFields.ABSENT ? null : total;
    }

    private int id(int kind) {
        return byKind == null ? NONE : byKind[kind];
    }
}
