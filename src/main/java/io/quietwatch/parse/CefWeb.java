package io.quietwatch.parse;

import static io.quietwatch.parse.CefKeys.CONTENT_TYPE;
import static io.quietwatch.parse.CefKeys.FILE_TYPE;
import static io.quietwatch.parse.CefKeys.FNAME;
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

    /** {@code requestClientApplication}, else a custom field labelled as the user agent. */
    static String userAgent(CefFields f, CefCustom custom) {
        String agent = f.text(USER_AGENT);
        return agent != null ? agent : custom.text(CefLabels.USER_AGENT);
    }

    /** {@code fname}, else the URL's file name. */
    static String fileName(CefFields f, String url) {
        String name = f.text(FNAME);
        return name != null || url == null ? name : CefUrls.fileName(url);
    }

    /** {@code contenttype}, a custom field labelled so, or a MIME-shaped {@code fileType}/{@code requestContext}. */
    static String mimeType(CefFields f, CefCustom custom) {
        String type = f.text(CONTENT_TYPE);
        if (type != null) {
            return type;
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
    static Integer httpStatus(CefFields f, CefCustom custom, String url) {
        long status = custom.number(CefLabels.HTTP_STATUS);
        if (status == CefFields.ABSENT && url != null) {
            status = f.number(OUTCOME);
        }
        return status >= 100 && status <= 599 ? Integer.valueOf((int) status) : null;
    }
}
