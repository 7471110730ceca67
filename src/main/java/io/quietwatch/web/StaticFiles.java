package io.quietwatch.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The dashboard's page, script and style sheet, served from the jar; only the files named here. */
final class StaticFiles {
    private static final String ROOT = "/io/quietwatch/web/static/";
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "dashboard.css", "text/css; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8",
            "chart.js", "text/javascript; charset=utf-8");

    private StaticFiles() {
    }

    /** The file, or null when it is not one of the dashboard's. */
    static WebReply get(String name) throws IOException {
        String type = TYPES.get(name);
        if (type == null) {
            return null;
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IOException("the dashboard file " + name + " is missing from the jar");
            }
            return new WebReply(200, type, in.readAllBytes(), new java.util.LinkedHashMap<>());
        }
    }
}
