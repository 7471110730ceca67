package io.quietwatch.engine.list;

/**
 * One entry of an active list.
 *
 * @param value     what is listed: an address, a CIDR block, a domain (with a leading {@code *.} wildcard),
 *                  a port or port range ({@code 6881-6889}), a user name, or any text
 * @param expiresAt when the entry stops counting, epoch milliseconds of engine time; 0 = never
 * @param comment   why it is listed (free text)
 */
public record ListEntry(String value, long expiresAt, String comment) {
    public ListEntry {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a list entry needs a value");
        }
        value = value.strip();
        comment = comment == null ? "" : comment;
    }

    /** True if the entry has expired at {@code now}. */
    public boolean expired(long now) {
        return expiresAt > 0 && expiresAt <= now;
    }
}
