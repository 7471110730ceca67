package io.quietwatch.event;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;

/**
 * Writes a {@link LogEvent} as an Elastic Common Schema JSON object with nested keys
 * ({@code {"source":{"ip":"10.0.0.5","port":51234}, ...}}). Absent fields are left out.
 */
public final class EventJson {
    private EventJson() {
    }

    /** Writes the event as one JSON object. */
    public static void write(LogEvent e, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("@timestamp", Instant.ofEpochMilli(e.timestamp()).toString());
        if (e.observerVendor() != null || e.observerProduct() != null || e.observerHostname() != null
                || e.ingressInterface() != null || e.egressInterface() != null) {
            g.writeObjectFieldStart("observer");
            str(g, "vendor", e.observerVendor());
            str(g, "product", e.observerProduct());
            str(g, "hostname", e.observerHostname());
            iface(g, "ingress", e.ingressInterface());
            iface(g, "egress", e.egressInterface());
            g.writeEndObject();
        }
        writeEventObject(e, g);
        endpoint(g, "source", e.sourceIp(), e.sourcePort(), e.sourceNatIp(), e.sourceNatPort(), e.sourceBytes());
        endpoint(g, "destination", e.destinationIp(), e.destinationPort(), e.destinationNatIp(),
                e.destinationNatPort(), e.destinationBytes());
        if (e.transport() != null || e.direction() != null || e.networkBytes() != null || e.networkPackets() != null) {
            g.writeObjectFieldStart("network");
            str(g, "transport", e.transport());
            str(g, "direction", e.direction());
            num(g, "bytes", e.networkBytes());
            num(g, "packets", e.networkPackets());
            g.writeEndObject();
        }
        if (e.hostIp() != null) {
            g.writeObjectFieldStart("host");
            g.writeStringField("ip", e.hostIp());
            g.writeEndObject();
        }
        if (e.ipTtl() != null || e.ipId() != null) {
            g.writeObjectFieldStart("ip");
            num(g, "ttl", e.ipTtl());
            num(g, "id", e.ipId());
            g.writeEndObject();
        }
        if (e.icmpType() != null || e.icmpCode() != null) {
            g.writeObjectFieldStart("icmp");
            num(g, "type", e.icmpType());
            num(g, "code", e.icmpCode());
            g.writeEndObject();
        }
        if (e.ruleName() != null) {
            g.writeObjectFieldStart("rule");
            g.writeStringField("name", e.ruleName());
            g.writeEndObject();
        }
        writeWeb(e, g);
        if (e.userName() != null) {
            g.writeObjectFieldStart("user");
            g.writeStringField("name", e.userName());
            g.writeEndObject();
        }
        writeQuietwatch(e, g);
        g.writeEndObject();
    }

    private static void writeEventObject(LogEvent e, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("event");
        if (e.category() != null) {
            g.writeArrayFieldStart("category");
            g.writeString(e.category());
            g.writeEndArray();
        }
        if (LogEvent.CATEGORY_NETWORK.equals(e.category()) || e.phase() != null || e.outcome() != null) {
            g.writeArrayFieldStart("type");
            if (LogEvent.CATEGORY_NETWORK.equals(e.category())) {
                g.writeString("connection");
            }
            if (e.phase() != null) {
                g.writeString(e.phase());
            }
            if (e.outcome() != null) {
                g.writeString(e.outcome());
            }
            g.writeEndArray();
        }
        str(g, "action", e.action());
        str(g, "code", e.eventCode());
        str(g, "reason", e.reason());
        num(g, "duration", e.durationNanos());
        str(g, "original", e.original());
        g.writeEndObject();
    }

    private static void writeWeb(LogEvent e, JsonGenerator g) throws IOException {
        if (e.url() != null || e.urlDomain() != null) {
            g.writeObjectFieldStart("url");
            str(g, "original", e.url());
            str(g, "domain", e.urlDomain());
            g.writeEndObject();
        }
        if (e.httpMethod() != null || e.httpStatus() != null || e.mimeType() != null) {
            g.writeObjectFieldStart("http");
            if (e.httpMethod() != null) {
                g.writeObjectFieldStart("request");
                g.writeStringField("method", e.httpMethod());
                g.writeEndObject();
            }
            if (e.httpStatus() != null || e.mimeType() != null) {
                g.writeObjectFieldStart("response");
                num(g, "status_code", e.httpStatus());
                str(g, "mime_type", e.mimeType());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        if (e.userAgent() != null) {
            g.writeObjectFieldStart("user_agent");
            g.writeStringField("original", e.userAgent());
            g.writeEndObject();
        }
        if (e.fileName() != null) {
            g.writeObjectFieldStart("file");
            g.writeStringField("name", e.fileName());
            g.writeEndObject();
        }
    }

    private static void writeQuietwatch(LogEvent e, JsonGenerator g) throws IOException {
        if (e.format() == null && e.connectionId() == null && e.tcpFlags() == null && e.assignedIp() == null) {
            return;
        }
        g.writeObjectFieldStart("quietwatch");
        str(g, "format", e.format());
        str(g, "connection_id", e.connectionId());
        str(g, "tcp_flags", e.tcpFlags());
        if (e.assignedIp() != null) {
            g.writeObjectFieldStart("vpn");
            g.writeStringField("assigned_ip", e.assignedIp());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void endpoint(JsonGenerator g, String name, String ip, Integer port, String natIp, Integer natPort,
                                 Long bytes) throws IOException {
        if (ip == null && port == null && natIp == null && natPort == null && bytes == null) {
            return;
        }
        g.writeObjectFieldStart(name);
        str(g, "ip", ip);
        num(g, "port", port);
        num(g, "bytes", bytes);
        if (natIp != null || natPort != null) {
            g.writeObjectFieldStart("nat");
            str(g, "ip", natIp);
            num(g, "port", natPort);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void iface(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeObjectFieldStart(name);
            g.writeObjectFieldStart("interface");
            g.writeStringField("name", value);
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /** Reads an event written by {@link #write} back (unknown keys are ignored). */
    public static LogEvent read(com.fasterxml.jackson.databind.JsonNode n) {
        com.fasterxml.jackson.databind.JsonNode ev = n.path("event");
        com.fasterxml.jackson.databind.JsonNode src = n.path("source");
        com.fasterxml.jackson.databind.JsonNode dst = n.path("destination");
        com.fasterxml.jackson.databind.JsonNode net = n.path("network");
        com.fasterxml.jackson.databind.JsonNode obs = n.path("observer");
        com.fasterxml.jackson.databind.JsonNode http = n.path("http");
        com.fasterxml.jackson.databind.JsonNode qw = n.path("quietwatch");
        String outcome = null;
        String phase = null;
        for (com.fasterxml.jackson.databind.JsonNode t : ev.path("type")) {
            switch (t.asText()) {
                case LogEvent.ALLOWED, LogEvent.DENIED -> outcome = t.asText();
                case LogEvent.START, LogEvent.END -> phase = t.asText();
                default -> { }
            }
        }
        String category = ev.path("category").isArray() && ev.path("category").size() > 0 ? ev.path("category").get(0).asText() : null;
        return new LogEvent(java.time.Instant.parse(n.path("@timestamp").asText()).toEpochMilli(),
                text(obs, "vendor"), text(obs, "product"), text(obs, "hostname"), text(qw, "format"),
                text(ev, "code"), category, text(ev, "action"), outcome, phase, text(ev, "reason"),
                text(src, "ip"), integer(src, "port"), text(dst, "ip"), integer(dst, "port"),
                text(src.path("nat"), "ip"), integer(src.path("nat"), "port"), text(dst.path("nat"), "ip"),
                integer(dst.path("nat"), "port"), text(net, "transport"), text(net, "direction"), text(n.path("host"), "ip"),
                longValue(ev, "duration"), longValue(src, "bytes"), longValue(dst, "bytes"), longValue(net, "bytes"),
                longValue(net, "packets"), integer(n.path("ip"), "ttl"), integer(n.path("ip"), "id"), text(qw, "tcp_flags"),
                integer(n.path("icmp"), "type"), integer(n.path("icmp"), "code"),
                text(obs.path("ingress").path("interface"), "name"), text(obs.path("egress").path("interface"), "name"),
                text(n.path("rule"), "name"), text(n.path("url"), "original"), text(n.path("url"), "domain"),
                text(http.path("request"), "method"), integer(http.path("response"), "status_code"),
                text(http.path("response"), "mime_type"), text(n.path("user_agent"), "original"), text(n.path("file"), "name"),
                text(n.path("user"), "name"), text(qw.path("vpn"), "assigned_ip"), text(qw, "connection_id"), text(ev, "original"));
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n, String key) {
        com.fasterxml.jackson.databind.JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer integer(com.fasterxml.jackson.databind.JsonNode n, String key) {
        com.fasterxml.jackson.databind.JsonNode v = n.get(key);
        return v == null || !v.isNumber() ? null : v.intValue();
    }

    private static Long longValue(com.fasterxml.jackson.databind.JsonNode n, String key) {
        com.fasterxml.jackson.databind.JsonNode v = n.get(key);
        return v == null || !v.isNumber() ? null : v.longValue();
    }

    private static void str(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void num(JsonGenerator g, String name, Number value) throws IOException {
        if (value != null) {
            g.writeNumberField(name, value.longValue());
        }
    }
}
