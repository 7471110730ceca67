package io.quietwatch.alert.sink.thehive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quietwatch.alert.Alert;
import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEvent;

import java.util.HashSet;
import java.util.Set;

/**
 * The alert's observables: the internal host and the remote address ({@code ip}), and from the
 * evidence the URLs ({@code url}), their host names ({@code domain}, or {@code ip} for address
 * literals), user agents ({@code user-agent}), downloaded file names ({@code filename}) and the user
 * ({@code other}). Each (type, value) pair appears once: TheHive 4 refuses an alert whose
 * observables repeat. Addresses that do not parse as IP addresses are left out.
 */
final class TheHiveObservables {
    static final int MAX = 50;
    private static final int MAX_DATA = 4096;

    private final ArrayNode out;
    private final Set<String> seen = new HashSet<>();

    private TheHiveObservables(ArrayNode out) {
        this.out = out;
    }

    static void add(Alert a, ArrayNode out) {
        TheHiveObservables o = new TheHiveObservables(out);
        o.ip(a.hostIp(), "internal host", "host");
        o.ip(a.destinationIp(), "remote address", "destination");
        o.put("other", a.userName(), "user name", "user");
        for (LogEvent e : a.evidence()) {
            o.ip(e.remoteIp(), "remote address in the evidence", "destination");
            o.put("url", e.url(), "URL in the evidence", null);
            if (IpAddresses.isAddress(e.urlDomain())) {
                o.ip(e.urlDomain(), "URL host", null);
            } else {
                o.put("domain", e.urlDomain(), "URL host", null);
            }
            o.put("user-agent", e.userAgent(), "user agent in the evidence", null);
            o.put("filename", e.fileName(), "downloaded file", null);
            o.put("other", e.userName(), "user name", "user");
        }
    }

    private void ip(String value, String message, String tag) {
        if (value != null && IpAddresses.isAddress(value)) {
            put("ip", IpAddresses.canonical(value), message, tag);
        }
    }

    private void put(String dataType, String value, String message, String tag) {
        if (value == null || value.isBlank() || value.length() > MAX_DATA || out.size() >= MAX
                || !seen.add(dataType + '\u0000' + value)) {
            return;
        }
        ObjectNode o = out.addObject();
        o.put("dataType", dataType);
        o.put("data", value);
        o.put("message", message);
        if (tag != null) {
            o.putArray("tags").add(tag);
        }
        o.put("ioc", false);
    }
}
