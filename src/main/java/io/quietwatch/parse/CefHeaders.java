package io.quietwatch.parse;

/**
 * The CEF headers seen lately, kept whole ({@link CefHeader#detached}): a device repeats the same few
 * headers ({@code CEF:0|Fortinet|Fortigate|v6.4.8|00013|traffic:forward close|3|}) on line after line,
 * so a line that starts with one of them takes its fields and their texts from here instead of reading
 * and copying them again. A few characters of the line choose a slot; the whole header is compared.
 * Entries are replaced whole and what they fill in later (field texts, the key layout) may be raced
 * for harmlessly, so the threads of a parser share one instance; a race at worst loses an entry.
 */
final class CefHeaders {
    private static final int SLOTS = 256;
    private static final int WAYS = 4;
    /** Longer headers are read each time (they are rare and costly to compare). */
    private static final int MAX_HEADER = 256;
    /** Characters between the samples that choose a slot, from the version on. */
    private static final int STRIDE = 6;
    private static final int SAMPLES = 8;

    private final CefHeader[] slots = new CefHeader[SLOTS];

    /** The header of {@code s} from {@code start} (the version), when it is one kept here; else null. */
    CefHeader find(String s, int start) {
        int first = slot(s, start);
        for (int p = 0; p < WAYS; p++) {
            CefHeader h = slots[(first + p) & (SLOTS - 1)];
            if (h == null) {
                return null;
            }
            if (s.startsWith(h.source(), start)) {
                return h;
            }
        }
        return null;
    }

    /** Keeps {@code h}, a complete header read from {@code s} at {@code start}; returns the kept copy. */
    CefHeader keep(String s, int start, CefHeader h) {
        if (h.end() - start > MAX_HEADER) {
            return h;
        }
        CefHeader kept = h.detached(start);
        int first = slot(s, start);
        int at = first;
        for (int p = 0; p < WAYS; p++) {
            int i = (first + p) & (SLOTS - 1);
            if (slots[i] == null) {
                at = i;
                break;
            }
        }
        slots[at] = kept;
        return kept;
    }

    private static int slot(String s, int start) {
        int n = s.length();
        int h = 0;
        for (int i = 0, p = start; i < SAMPLES && p < n; i++, p += STRIDE) {
            h = h * 31 + s.charAt(p);
        }
        return (h ^ h >>> 8 ^ h >>> 16) & (SLOTS - 1);
    }
}
