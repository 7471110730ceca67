package io.quietwatch.config;

/**
 * The local status endpoint ({@code admin:}) used by {@code loadgen} and {@code status}: read-only
 * counters as JSON and Prometheus metrics, bound to loopback, guarded by a token written to
 * {@code var/admin.token}.
 *
 * @param enabled     whether to serve it (default true)
 * @param bindAddress address to bind ({@code bind_address}, default {@code 127.0.0.1})
 * @param port        port (default 9514; 0 picks a free one)
 * @param metricsOpen whether {@code GET /metrics} is served without the token, so Prometheus can
 *                    scrape it ({@code metrics_open}, default false)
 */
public record AdminConfig(Boolean enabled, String bindAddress, Integer port, Boolean metricsOpen) {
    public AdminConfig {
        enabled = enabled == null || enabled;
        bindAddress = bindAddress == null ? "127.0.0.1" : bindAddress;
        port = port == null ? 9514 : port;
        metricsOpen = metricsOpen != null && metricsOpen;
    }

    /** The endpoint with {@code /metrics} behind the token. */
    public AdminConfig(Boolean enabled, String bindAddress, Integer port) {
        this(enabled, bindAddress, port, null);
    }
}
