package io.quietwatch.alert.sink.syslog;

import java.util.Locale;

/**
 * Syslog facilities by their usual names (RFC 5424 section 6.2.1, table 1); the PRI value of a message
 * is {@code code * 8 + severity}.
 */
public enum SyslogFacility {
    KERN(0), USER(1), MAIL(2), DAEMON(3), AUTH(4), SYSLOG(5), LPR(6), NEWS(7), UUCP(8), CRON(9),
    AUTHPRIV(10), FTP(11), NTP(12), SECURITY(13), CONSOLE(14), CLOCK(15),
    LOCAL0(16), LOCAL1(17), LOCAL2(18), LOCAL3(19), LOCAL4(20), LOCAL5(21), LOCAL6(22), LOCAL7(23);

    private final int code;

    SyslogFacility(int code) {
        this.code = code;
    }

    /** The numeric facility, 0 to 23. */
    public int code() {
        return code;
    }

    /** The facility named {@code word} (any case), or null. */
    public static SyslogFacility named(String word) {
        if (word == null) {
            return null;
        }
        String w = word.strip().toUpperCase(Locale.ROOT);
        for (SyslogFacility f : values()) {
            if (f.name().equals(w)) {
                return f;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
