package io.quietwatch.alert.sink.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON request and reply bodies. Every string an alert contributes goes through Jackson's escaping;
 * nothing is put together by string concatenation.
 */
public final class JsonBodies {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBodies() {
    }

    /** A new, empty JSON object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code node} as UTF-8 JSON bytes. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** A reply body parsed, or null when it is not JSON. */
    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A value from a rule's details as a JSON tree (numbers stay numbers). */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
