package io.quietwatch.parse;

/**
 * An OpenVPN log message split into the client prefix OpenVPN puts on every line about one client
 * ({@code real} before the handshake names it, {@code cn/real} after), an optional {@code [name] }
 * that some messages open with, and the message body. Filled while one line is read; never shared.
 */
final class OpenVpnLine {
    /** The client's real address, or null when the line has no prefix. */
    OpenVpnPeer peer;
    /** The common name of the prefix, or null. */
    String name;
    /** The text of a leading {@code [name] }, or null. */
    String bracket;
    /** Where the message body starts. */
    int body;
    /** End of the line without trailing white space. */
    int end;

    private OpenVpnLine() {
    }

    /** Splits {@code s[from, to)} (after the time stamp). */
    static OpenVpnLine split(String s, int from, int to) {
        OpenVpnLine line = new OpenVpnLine();
        int end = to;
        while (end > from && s.charAt(end - 1) <= ' ') {
            end--;
        }
        line.end = end;
        int p = skipSpaces(s, from, end);
        int stop = wordEnd(s, p, end);
        OpenVpnPeer peer = OpenVpnPeer.parse(s, p, stop);
        if (peer == null) {
            // "cn/real": the name may hold blanks and slashes, so every slash before the first ": " is tried
            int limit = s.indexOf(": ", p);
            limit = limit < 0 || limit > end ? end : limit;
            for (int slash = s.indexOf('/', p + 1); slash > 0 && slash < limit; slash = s.indexOf('/', slash + 1)) {
                int after = wordEnd(s, slash + 1, end);
                peer = OpenVpnPeer.parse(s, slash + 1, after);
                if (peer != null) {
                    line.name = OpenVpnStatus.name(s.substring(p, slash));
                    stop = after;
                    break;
                }
            }
        }
        if (peer != null) {
            line.peer = peer;
            p = skipSpaces(s, stop, end);
            if (s.startsWith("peer-id=", p) || s.startsWith("rx-peer-id=", p)) {
                p = skipSpaces(s, wordEnd(s, p, end), end); // 2.6+ data channel offload debugging
            }
        }
        if (p < end && s.charAt(p) == '[') {
            int close = s.indexOf(']', p);
            if (close > p && close + 1 < end && s.charAt(close + 1) == ' ') {
                line.bracket = s.substring(p + 1, close);
                p = close + 2;
            }
        }
        line.body = p;
        return line;
    }

    private static int skipSpaces(String s, int p, int end) {
        while (p < end && s.charAt(p) == ' ') {
            p++;
        }
        return p;
    }

    private static int wordEnd(String s, int p, int end) {
        while (p < end && s.charAt(p) != ' ') {
            p++;
        }
        return p;
    }
}
