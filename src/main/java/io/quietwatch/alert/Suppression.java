package io.quietwatch.alert;

import java.util.List;
import java.util.Set;

/**
 * A rule's suppression: which alert fields make one incident, for how long repeats are folded, and
 * when alerts go out.
 *
 * @param key          alert fields of the dedupe key (the detection is always part of it)
 * @param windowMillis suppression window
 * @param trigger      when alerts go out
 */
public record Suppression(List<String> key, long windowMillis, Trigger trigger) {
    /** Alert fields a key may name. */
    public static final Set<String> FIELDS = Set.of("hostIp", "userName", "destinationIp", "destinationPort", "title", "id");

    public Suppression {
        key = List.copyOf(key);
        for (String k : key) {
            if (!FIELDS.contains(k)) {
                throw new IllegalArgumentException("dedupe key field '" + k + "' is not one of " + String.join(", ", new java.util.TreeSet<>(FIELDS)));
            }
        }
    }

    /** Key {@code hostIp}, trigger {@code first}. */
    public static Suppression byHost(long windowMillis) {
        return new Suppression(List.of("hostIp"), windowMillis, Trigger.FIRST);
    }

    /** The dedupe key of an alert under this suppression. */
    public String keyOf(Alert a) {
        StringBuilder sb = new StringBuilder(a.detection());
        for (String k : key) {
            sb.append('|').append(switch (k) {
                case "hostIp" -> a.hostIp();
                case "userName" -> a.userName();
                case "destinationIp" -> a.destinationIp();
                case "destinationPort" -> a.destinationPort() == null ? null : a.destinationPort().toString();
                case "title" -> a.title();
                default -> a.id();
            });
        }
        return sb.toString();
    }
}
