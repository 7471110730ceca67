package io.quietwatch.parse;

/**
 * Checks the endpoint values correlation rides on. An address or port that does not read (a value
 * cut off in the middle, as a truncated line leaves it) makes the line {@code Malformed} rather than
 * an event with a silently missing endpoint; a blank or placeholder value ({@code src=},
 * {@code dpt=N/A}) is simply absent.
 */
final class CefEndpoints {
    private static final int MAX_PORT = 0xffff;

    private CefEndpoints() {
    }

    /** What is wrong with the CEF endpoint values, or null. */
    static String problem(CefFields f) {
        return problem(f, CefKeys.SRC, "src", CefKeys.DST, "dst", CefKeys.SPT, "spt", CefKeys.DPT, "dpt");
    }

    /** The same check for any format's address and port fields, named as the line names them. */
    static String problem(CefFields f, int src, String srcName, int dst, String dstName, int spt, String sptName,
                          int dpt, String dptName) {
        if (f.present(src) && f.address(src) == null) {
            return srcName + " is not an IP address";
        }
        if (f.present(dst) && f.address(dst) == null) {
            return dstName + " is not an IP address";
        }
        if (f.present(spt) && !port(f, spt)) {
            return sptName + " is not a port number 0-65535";
        }
        if (f.present(dpt) && !port(f, dpt)) {
            return dptName + " is not a port number 0-65535";
        }
        return null;
    }

    private static boolean port(CefFields f, int id) {
        long n = f.number(id);
        return n >= 0 && n <= MAX_PORT;
    }
}
