package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;

import static io.quietwatch.parse.Digits.isDigit;

/**
 * The text a netfilter LOG line carries before its {@code IN=}: an optional {@code kernel:} tag and
 * printk uptime stamp, then the administrator's {@code --log-prefix} ({@code [UFW BLOCK]},
 * {@code Shorewall:net-fw:DROP:}, {@code filter_IN_public_REJECT:}). The prefix is free text, so the
 * verdict is guessed from its words; letters-only runs count as words, so {@code DROP-IN} and
 * {@code FINAL_REJECT} match too.
 */
final class NetfilterPrefix {
    private static final String[] WORDS = {
        "BLOCK", "BLOCKED", "DROP", "DROPPED", "DENY", "DENIED", "REJECT", "REJECTED",
        "ACCEPT", "ACCEPTED", "ALLOW", "ALLOWED", "PASS", "PASSED", "PERMIT", "PERMITTED"};
    private static final String[] ACTIONS = {
        "block", "blocked", "drop", "dropped", "deny", "denied", "reject", "rejected",
        "accept", "accepted", "allow", "allowed", "pass", "passed", "permit", "permitted"};
    private static final int FIRST_ALLOWED = 8;
    private static final int SHORTEST = 4;
    private static final int LONGEST = 9;
    private static final String KERNEL = "kernel:";

    private NetfilterPrefix() {
    }

    /** Where the log prefix starts in {@code s[0, end)}: past {@code kernel:}, an uptime stamp and blanks. */
    static int start(String s, int end) {
        int i = skipBlanks(s, afterKernelTag(s, end), end);
        int uptime = uptimeEnd(s, i, end);
        return uptime < 0 ? i : skipBlanks(s, uptime, end);
    }

    // Looks at the colons only: a prefix has few of them, and String.lastIndexOf(String) is slow.
    private static int afterKernelTag(String s, int end) {
        for (int colon = end - 1; colon >= KERNEL.length() - 1; colon--) {
            if (s.charAt(colon) == ':' && s.startsWith(KERNEL, colon + 1 - KERNEL.length())) {
                return colon + 1;
            }
        }
        return 0;
    }

    /** {@code end} moved back over trailing blanks, not before {@code from}. */
    static int end(String s, int from, int end) {
        while (end > from && s.charAt(end - 1) <= ' ') {
            end--;
        }
        return end;
    }

    /** Index of the first verdict word in {@code s[from, to)}, or -1; see {@link #action} and {@link #outcome}. */
    static int verdict(String s, int from, int to) {
        int i = from;
        while (i < to) {
            while (i < to && !letter(s.charAt(i))) {
                i++;
            }
            int word = i;
            while (i < to && letter(s.charAt(i))) {
                i++;
            }
            int len = i - word;
            if (len >= SHORTEST && len <= LONGEST) {
                char first = (char) (s.charAt(word) & ~0x20);
                for (int w = 0; w < WORDS.length; w++) {
                    String candidate = WORDS[w];
                    if (candidate.length() == len && candidate.charAt(0) == first
                            && s.regionMatches(true, word, candidate, 0, len)) {
                        return w;
                    }
                }
            }
        }
        return -1;
    }

    /** The action word of a {@link #verdict}: the matched word in lower case, or {@code log}. */
    static String action(int verdict) {
        return verdict < 0 ? "log" : ACTIONS[verdict];
    }

    /** The outcome of a {@link #verdict}: denied, allowed, or null when the prefix names none. */
    static String outcome(int verdict) {
        if (verdict < 0) {
            return null;
        }
        return verdict < FIRST_ALLOWED ? LogEvent.DENIED : LogEvent.ALLOWED;
    }

    // printk's "[%5lu.%06lu]": small uptimes are padded with blanks inside the brackets.
    private static int uptimeEnd(String s, int i, int end) {
        if (i >= end || s.charAt(i) != '[') {
            return -1;
        }
        int j = skipBlanks(s, i + 1, end);
        int digits = j;
        while (j < end && isDigit(s.charAt(j))) {
            j++;
        }
        if (j == digits || j >= end || s.charAt(j) != '.') {
            return -1;
        }
        int fraction = ++j;
        while (j < end && isDigit(s.charAt(j))) {
            j++;
        }
        return j > fraction && j < end && s.charAt(j) == ']' ? j + 1 : -1;
    }

    private static int skipBlanks(String s, int i, int end) {
        while (i < end && s.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }

    private static boolean letter(char c) {
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'z';
    }
}
