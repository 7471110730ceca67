package io.quietwatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;

/** JSON in and out of the dashboard's API. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a request body of at most {@code maxBytes}; throws on more or on bad JSON. */
    static JsonNode read(InputStream in, int maxBytes) throws IOException {
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw new IOException("the request body is larger than " + maxBytes + " bytes");
        }
        return MAPPER.readTree(body);
    }
}
