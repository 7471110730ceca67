package io.quietwatch.config;

import io.quietwatch.alert.sink.file.FileSinkConfig;
import io.quietwatch.event.InternalNetworks;

import java.util.List;
import java.util.Map;

/**
 * The whole configuration ({@code conf/quietwatch.yaml}). Every key has a default, so an empty file
 * (or none) gives a working daemon: UDP and TCP syslog on 5514, rules from {@code epl-rules/},
 * alerts to {@code var/alerts.jsonl}. Relative paths are resolved against the QuietWatch home
 * directory (the parent of {@code bin/}).
 *
 * @param inputs            syslog listeners
 * @param internalNetworks  CIDR blocks that are "ours" ({@code internal_networks})
 * @param rulesDir          folder of {@code .epl} rule files ({@code rules_dir})
 * @param listsDir          folder of list files ({@code lists_dir})
 * @param queueCapacity     messages the pipeline queue holds before inputs drop ({@code queue_capacity})
 * @param engine            clock and alert settings of the rule engine
 * @param deadLetter        where unparsed lines are sampled ({@code dead_letter})
 * @param sinks             where alerts go
 * @param routes            which alerts go to which sinks (none: every alert to every sink)
 * @param outbox            the durable outbox before the sinks
 * @param admin             the local status endpoint
 * @param ruleVariables     values for the rules' variables, by name ({@code rule_variables})
 * @param statsIntervalSeconds how often the counters are logged ({@code stats_interval_seconds})
 * @param queueMaxMb        bytes of messages, in MiB, the pipeline queue holds before inputs drop
 *                          ({@code queue_max_mb}), whatever their number
 * @param alertStore        where alerts are kept for the dashboard ({@code alert_store})
 * @param dashboard         the web dashboard and its JSON API
 * @param state             snapshots of the rules' learnt state across restarts ({@code state})
 */
public record QuietWatchConfig(
        List<InputConfig> inputs,
        List<String> internalNetworks,
        String rulesDir,
        String listsDir,
        Integer queueCapacity,
        EngineConfig engine,
        DeadLetterConfig deadLetter,
        List<SinkConfig> sinks,
        List<RouteConfig> routes,
        OutboxConfig outbox,
        AdminConfig admin,
        Map<String, Object> ruleVariables,
        Integer statsIntervalSeconds,
        Integer queueMaxMb,
        AlertStoreConfig alertStore,
        DashboardConfig dashboard,
        StateConfig state) {

    public QuietWatchConfig {
        inputs = inputs == null
                ? List.of(InputConfig.of("udp", "0.0.0.0", InputConfig.DEFAULT_PORT),
                          InputConfig.of("tcp", "0.0.0.0", InputConfig.DEFAULT_PORT))
                : List.copyOf(inputs);
        internalNetworks = internalNetworks == null ? InternalNetworks.DEFAULTS : List.copyOf(internalNetworks);
        rulesDir = rulesDir == null ? "epl-rules" : rulesDir;
        listsDir = listsDir == null ? "conf/lists" : listsDir;
        queueCapacity = queueCapacity == null ? 262_144 : queueCapacity;
        engine = engine == null ? new EngineConfig(null, null) : engine;
        deadLetter = deadLetter == null ? new DeadLetterConfig(null, null) : deadLetter;
        sinks = sinks == null ? List.of(new FileSinkConfig("alerts-file", "var/alerts.jsonl")) : List.copyOf(sinks);
        routes = routes == null ? List.of() : List.copyOf(routes);
        outbox = outbox == null ? OutboxConfig.defaults() : outbox;
        admin = admin == null ? new AdminConfig(null, null, null) : admin;
        ruleVariables = ruleVariables == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ruleVariables));
        statsIntervalSeconds = statsIntervalSeconds == null ? 60 : statsIntervalSeconds;
        queueMaxMb = queueMaxMb == null ? 128 : queueMaxMb;
        alertStore = alertStore == null ? AlertStoreConfig.defaults() : alertStore;
        dashboard = dashboard == null ? DashboardConfig.defaults() : dashboard;
        state = state == null ? StateConfig.defaults() : state;
    }

    /**
     * A configuration with the default alert store and without the dashboard (the form before
     * {@code alert_store:} and {@code dashboard:} existed; daemons started by tools and tests that serve none).
     */
    public QuietWatchConfig(List<InputConfig> inputs, List<String> internalNetworks, String rulesDir, String listsDir,
                            Integer queueCapacity, EngineConfig engine, DeadLetterConfig deadLetter, List<SinkConfig> sinks,
                            List<RouteConfig> routes, OutboxConfig outbox, AdminConfig admin, Map<String, Object> ruleVariables,
                            Integer statsIntervalSeconds, Integer queueMaxMb) {
        this(inputs, internalNetworks, rulesDir, listsDir, queueCapacity, engine, deadLetter, sinks, routes, outbox, admin,
                ruleVariables, statsIntervalSeconds, queueMaxMb, null);
    }

    /** A configuration with this alert store and without the dashboard. */
    public QuietWatchConfig(List<InputConfig> inputs, List<String> internalNetworks, String rulesDir, String listsDir,
                            Integer queueCapacity, EngineConfig engine, DeadLetterConfig deadLetter, List<SinkConfig> sinks,
                            List<RouteConfig> routes, OutboxConfig outbox, AdminConfig admin, Map<String, Object> ruleVariables,
                            Integer statsIntervalSeconds, Integer queueMaxMb, AlertStoreConfig alertStore) {
        this(inputs, internalNetworks, rulesDir, listsDir, queueCapacity, engine, deadLetter, sinks, routes, outbox, admin,
                ruleVariables, statsIntervalSeconds, queueMaxMb, alertStore,
                new DashboardConfig(false, null, null, null, null, null, null, null, null));
    }

    /** A configuration with this alert store and dashboard, and the default {@code state}. */
    public QuietWatchConfig(List<InputConfig> inputs, List<String> internalNetworks, String rulesDir, String listsDir,
                            Integer queueCapacity, EngineConfig engine, DeadLetterConfig deadLetter, List<SinkConfig> sinks,
                            List<RouteConfig> routes, OutboxConfig outbox, AdminConfig admin, Map<String, Object> ruleVariables,
                            Integer statsIntervalSeconds, Integer queueMaxMb, AlertStoreConfig alertStore,
                            DashboardConfig dashboard) {
        this(inputs, internalNetworks, rulesDir, listsDir, queueCapacity, engine, deadLetter, sinks, routes, outbox, admin,
                ruleVariables, statsIntervalSeconds, queueMaxMb, alertStore, dashboard, null);
    }

    /** Every default. */
    public static QuietWatchConfig defaults() {
        return new QuietWatchConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
