package io.quietwatch.engine;

import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.common.client.hook.expr.EPLMethodInvocationContext;
import io.quietwatch.engine.list.ListStore;
import io.quietwatch.event.IpAddresses;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Functions QuietWatch adds to EPL, usable in any rule:
 * <ul>
 *   <li>{@code inList('name', value)} — whether the value is in the active list {@code conf/lists/name.csv}
 *       (exact, CIDR block, {@code *.domain} wildcard or number range);</li>
 *   <li>{@code isIpLiteral(host)} — whether a host name is a bare IPv4/IPv6 address;</li>
 *   <li>{@code urlHost(url)} — the host part of a URL, lower case, without port;</li>
 *   <li>{@code fileExtension(urlOrName)} — the extension of the last path segment, lower case, without
 *       query or fragment ({@code http://x/a/setup.EXE?x=1} gives {@code exe}), or null;</li>
 *   <li>{@code topLevelDomain(host)} — the last label of a domain name, lower case, or null for addresses;</li>
 *   <li>{@code urlFileName(url)} — the last path segment of a URL without query or fragment, or null;</li>
 *   <li>{@code mediaType(mimeType)} — the media type without parameters, lower case
 *       ({@code Application/X-MSDownload; charset=binary} gives {@code application/x-msdownload}), or null;</li>
 *   <li>{@code joinDistinct(values)} — the distinct non-null values of a collection or array, sorted and
 *       joined with {@code ", "} (e.g. the detections of a window of {@code QwAlert}s).</li>
 * </ul>
 */
public final class EplFunctions {
    private static final Map<String, ListStore> STORES = new ConcurrentHashMap<>();

    private EplFunctions() {
    }

    static void register(Configuration c) {
        var compiler = c.getCompiler();
        compiler.addPlugInSingleRowFunction("inList", EplFunctions.class.getName(), "inList");
        compiler.addPlugInSingleRowFunction("isIpLiteral", EplFunctions.class.getName(), "isIpLiteral");
        compiler.addPlugInSingleRowFunction("urlHost", EplFunctions.class.getName(), "urlHost");
        compiler.addPlugInSingleRowFunction("fileExtension", EplFunctions.class.getName(), "fileExtension");
        compiler.addPlugInSingleRowFunction("topLevelDomain", EplFunctions.class.getName(), "topLevelDomain");
        compiler.addPlugInSingleRowFunction("joinDistinct", EplFunctions.class.getName(), "joinDistinct");
        compiler.addPlugInSingleRowFunction("mediaType", EplFunctions.class.getName(), "mediaType");
        compiler.addPlugInSingleRowFunction("urlFileName", EplFunctions.class.getName(), "urlFileName");
        compiler.addPlugInAggregationFunctionForge("peerBurst", io.quietwatch.engine.peers.PeerBurstForge.class.getName());
        io.quietwatch.engine.scantrend.ScanTrendFunctions.register(c);
    }

    static void bind(String runtimeUri, ListStore store) {
        STORES.put(runtimeUri, store);
    }

    static void unbind(String runtimeUri) {
        STORES.remove(runtimeUri);
    }

    /** {@code inList('name', value)}. */
    public static boolean inList(String list, Object value, EPLMethodInvocationContext ctx) {
        ListStore store = STORES.get(ctx.getRuntimeURI());
        return store != null && value != null && store.contains(list, value);
    }

    /** {@code isIpLiteral(host)}. */
    public static boolean isIpLiteral(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return IpAddresses.isAddress(h);
    }

    /** {@code urlHost(url)}. */
    public static String urlHost(String url) {
        if (url == null) {
            return null;
        }
        int start = url.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close > 0 ? authority.substring(1, close).toLowerCase(Locale.ROOT) : null;
        }
        int colon = authority.indexOf(':');
        if (colon >= 0 && authority.indexOf(':', colon + 1) < 0) {
            authority = authority.substring(0, colon);
        }
        return authority.isEmpty() ? null : authority.toLowerCase(Locale.ROOT);
    }

    /** {@code fileExtension(urlOrName)}. */
    public static String fileExtension(String urlOrName) {
        if (urlOrName == null) {
            return null;
        }
        int end = urlOrName.length();
        for (int i = 0; i < urlOrName.length(); i++) {
            char c = urlOrName.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        int scheme = urlOrName.indexOf("://");
        int pathStart = scheme < 0 ? 0 : urlOrName.indexOf('/', scheme + 3);
        if (pathStart < 0 || pathStart >= end) {
            return null;
        }
        int slash = urlOrName.lastIndexOf('/', end - 1);
        int segment = Math.max(slash + 1, pathStart);
        int dot = urlOrName.lastIndexOf('.', end - 1);
        if (dot < segment || dot == end - 1) {
            return null;
        }
        String ext = urlOrName.substring(dot + 1, end);
        return ext.length() > 10 ? null : ext.toLowerCase(Locale.ROOT);
    }

    /** {@code urlFileName(url)}. */
    public static String urlFileName(String url) {
        if (url == null) {
            return null;
        }
        int end = url.length();
        for (int i = 0; i < url.length(); i++) {
            if (url.charAt(i) == '?' || url.charAt(i) == '#') {
                end = i;
                break;
            }
        }
        int scheme = url.indexOf("://");
        int pathStart = scheme < 0 ? 0 : url.indexOf('/', scheme + 3);
        if (pathStart < 0 || pathStart >= end) {
            return null;
        }
        String name = url.substring(url.lastIndexOf('/', end - 1) + 1, end);
        return name.isEmpty() ? null : name;
    }

    /** {@code mediaType(mimeType)}. */
    public static String mediaType(String mime) {
        if (mime == null) {
            return null;
        }
        int semi = mime.indexOf(';');
        String t = (semi >= 0 ? mime.substring(0, semi) : mime).strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() || t.equals("-") ? null : t;
    }

    /** {@code joinDistinct(values)}. */
    public static String joinDistinct(Object values) {
        java.util.TreeSet<String> set = new java.util.TreeSet<>();
        if (values instanceof Iterable<?> it) {
            it.forEach(v -> {
                if (v != null) {
                    set.add(v.toString());
                }
            });
        } else if (values != null && values.getClass().isArray()) {
            for (int i = 0; i < java.lang.reflect.Array.getLength(values); i++) {
                Object v = java.lang.reflect.Array.get(values, i);
                if (v != null) {
                    set.add(v.toString());
                }
            }
        }
        return String.join(", ", set);
    }

    /** {@code topLevelDomain(host)}. */
    public static String topLevelDomain(String host) {
        if (host == null || host.isEmpty() || isIpLiteral(host)) {
            return null;
        }
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        int dot = h.lastIndexOf('.');
        return dot < 0 || dot == h.length() - 1 ? null : h.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
