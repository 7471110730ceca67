package io.quietwatch.parse;

import io.quietwatch.event.LogEventBuilder;

import static io.quietwatch.parse.CefKeys.CONTENT_TYPE;
import static io.quietwatch.parse.CefKeys.DHOST;
import static io.quietwatch.parse.CefKeys.FILE_TYPE;
import static io.quietwatch.parse.CefKeys.FNAME;
import static io.quietwatch.parse.CefKeys.METHOD;
import static io.quietwatch.parse.CefKeys.OUTCOME;
import static io.quietwatch.parse.CefKeys.USER_AGENT;

/**
 * The proxy fields of a CEF event: URL and its host and file name, method, status, content type, user
 * agent. Shared with the LEEF parser for the MIME test.
 */
final class CefWeb {
    private static final String[] MEDIA_TYPES = {"application", "text", "image", "audio", "video", "multipart",
        "message", "font", "model"};

    private CefWeb() {
    }

    static void fill(LogEventBuilder b, CefFields f, CefCustom custom, String url) {
        String domain = url == null ? null : CefUrls.domain(url);
        b.url(url)
                .urlDomain(domain != null || url == null ? domain : f.text(DHOST))
                .httpMethod(f.text(METHOD))
                .httpStatus(httpStatus(f, custom, url))
                .mimeType(mimeType(f, custom))
                .userAgent(f.present(USER_AGENT) ? f.text(USER_AGENT) : custom.text(CefLabels.USER_AGENT))
                .fileName(f.present(FNAME) ? f.text(FNAME) : url == null ? null : CefUrls.fileName(url));
    }

    /** {@code contenttype}, a custom field labelled so, or a MIME-shaped {@code fileType}/{@code requestContext}. */
    private static String mimeType(CefFields f, CefCustom custom) {
        if (f.present(CONTENT_TYPE)) {
            return f.text(CONTENT_TYPE);
        }
        String labelled = custom.text(CefLabels.MIME_TYPE);
        if (labelled != null) {
            return labelled;
        }
        String fileType = mime(f.text(FILE_TYPE));
        return fileType != null ? fileType : mime(f.text(CefKeys.REQUEST_CONTEXT));
    }

    /**
     * The value when it is shaped as a MIME type ({@code application/x-msdownload}): PAN-OS writes the
     * content type into {@code requestContext}, which the spec reserves for the referrer.
     */
    static String mime(String value) {
        if (value == null) {
            return null;
        }
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1 || value.indexOf(':') >= 0 || value.indexOf(' ') >= 0) {
            return null;
        }
        for (String type : MEDIA_TYPES) {
            if (type.length() == slash && value.regionMatches(true, 0, type, 0, slash)) {
                return value;
            }
        }
        return null;
    }

    // Proxies (Zscaler) put the HTTP response code in "outcome".
    private static Integer httpStatus(CefFields f, CefCustom custom, String url) {
        long status = custom.number(CefLabels.HTTP_STATUS);
        if (status == CefFields.ABSENT && url != null) {
            status = f.number(OUTCOME);
        }
        return status >= 100 && status <= 599 ? Integer.valueOf((int) status) : null;
    }
}
