package io.quietwatch.parse;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Recognises a zone name written after an RFC 3164 time ({@code 10:00:00 UTC}, as Cisco ASA and IOS
 * send it). A word is a zone when the JDK knows it as a region id; ids without a slash must be upper
 * case ({@code UTC}, {@code CET}, {@code EST5EDT}), so that a host called {@code Japan} or {@code Cuba}
 * stays a host. Abbreviations the JDK does not know as ids ({@code CST}, {@code PST}) are not zones.
 */
final class SyslogZones {
    private static final int MAX_LENGTH = 32;
    private static final Set<String> NAMES = ZoneId.getAvailableZoneIds().stream()
            .filter(SyslogZones::plausible)
            .collect(Collectors.toUnmodifiableSet());
    private static final ConcurrentHashMap<String, ZoneId> RESOLVED = new ConcurrentHashMap<>();

    static {
        RESOLVED.put("UTC", ZoneOffset.UTC);
        RESOLVED.put("GMT", ZoneOffset.UTC);
    }

    private SyslogZones() {
    }

    /** The zone named by {@code line[start, end)}, or null when that word is not a zone name. */
    static ZoneId lookup(String line, int start, int end) {
        int length = end - start;
        if (length < 2 || length > MAX_LENGTH) {
            return null;
        }
        char first = line.charAt(start);
        if (first < 'A' || first > 'Z') {
            return null;
        }
        for (int i = start + 1; i < end; i++) {
            if (!zoneChar(line.charAt(i))) {
                return null;
            }
        }
        String word = line.substring(start, end);
        ZoneId known = RESOLVED.get(word);
        if (known != null || !NAMES.contains(word)) {
            return known;
        }
        return RESOLVED.computeIfAbsent(word, ZoneId::of);
    }

    private static boolean plausible(String id) {
        if (id.indexOf('/') >= 0) {
            return true;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean zoneChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '/' || c == '_' || c == '-' || c == '+';
    }
}
