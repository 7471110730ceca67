package io.quietwatch.daemon;

import io.quietwatch.alert.AlertRouter;
import io.quietwatch.alert.outbox.Outbox;
import io.quietwatch.alert.outbox.Routes;
import io.quietwatch.alert.AlertSink;
import io.quietwatch.alert.SinkException;
import io.quietwatch.alert.SinkType;
import io.quietwatch.config.InputConfig;
import io.quietwatch.config.QuietWatchConfig;
import io.quietwatch.config.SinkConfig;
import io.quietwatch.engine.RoutedAlerts;
import io.quietwatch.engine.RuleEngine;
import io.quietwatch.engine.RuleStatus;
import io.quietwatch.engine.list.ListStore;
import io.quietwatch.engine.list.ListWatcher;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.ingest.Input;
import io.quietwatch.ingest.InputEndpoint;
import io.quietwatch.ingest.Inputs;
import io.quietwatch.ingest.MessageQueue;
import io.quietwatch.ingest.RawMessage;
import io.quietwatch.metrics.QuietWatchMetrics;
import io.quietwatch.parse.LineParser;
import io.quietwatch.parse.ParseContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running QuietWatch: inputs, the pipeline thread, the rule engine, the sinks, the stats log and
 * the admin endpoint. It owns every thread; {@link #close()} stops them in order: inputs, then the
 * pipeline drains the queue into the engine, then the state snapshot is written, then sinks flush, then the
 * rest closes.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Daemon.class);

    private final List<Input> inputs = new ArrayList<>();
    private final List<AlertSink> sinks = new ArrayList<>();
    private final Pipeline pipeline;
    private final Thread pipelineThread;
    private final RuleEngine engine;
    private final AlertRouter router;
    private final Outbox outbox;
    private final DeadLetterLog deadLetters;
    private final DaemonStats stats;
    private final ScheduledExecutorService statsLog;
    private final AdminServer admin;
    private final ListWatcher listWatcher;
    private final RuleAlertCounts alertCounts;
    private final RuleReloader reloader;
    private final io.quietwatch.engine.FolderWatcher ruleWatcher;
    private final io.quietwatch.web.DashboardServer dashboard;
    private final io.quietwatch.store.JdbcAlertStore alertStore;
    private final io.quietwatch.store.AlertStoreWriter alertStoreWriter;
    private final Path rulesDir;
    private final String rulesDisplay;
    private final io.quietwatch.state.StateKeeper state;
    private final QuietWatchMetrics metrics = new QuietWatchMetrics();
    private boolean closed;

    /** Thrown when the daemon refuses to start; the message says why. */
    public static final class StartupException extends Exception {
        public StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Daemon(QuietWatchConfig config, Path home, Clock clock, boolean watchRules) throws StartupException {
        InternalNetworks internal = InternalNetworks.of(config.internalNetworks());
        for (SinkConfig s : config.sinks()) {
            sinks.add(metrics.timed(createSink(s, home, clock)));
        }
        try {
            outbox = new Outbox(home.resolve(config.outbox().path()), config.outbox(), sinks,
                    new Routes(config.routes(), sinks.stream().map(AlertSink::name).toList()), clock);
        } catch (IOException e) {
            throw new StartupException("cannot open the outbox " + config.outbox().path() + ": " + e.getMessage(), e);
        }
        outbox.start();
        alertStore = openAlertStore(config, home, clock);
        alertStoreWriter = alertStore == null ? null
                : new io.quietwatch.store.AlertStoreWriter(alertStore, config.alertStore().queueCapacity(), 60_000, clock).start();
        RoutedAlerts routed = new RoutedAlerts(alertStoreWriter == null ? outbox : outbox.andThen(alertStoreWriter),
                config.engine().dedupeHours() * 3_600_000L);
        router = routed.router();
        router.observe(metrics.alerts());
        ListStore lists = new ListStore(home.resolve(config.listsDir()), config.listsDir());
        List<String> listProblems = lists.loadAll();
        if (!listProblems.isEmpty()) {
            throw new StartupException("lists do not load:\n" + String.join("\n", listProblems), null);
        }
        alertCounts = new RuleAlertCounts(routed);
        engine = new RuleEngine(RuleEngine.Mode.LIVE, clock, config.engine().maxFutureSkewSeconds() * 1000L, alertCounts, lists);
        routed.attach(engine);
        engine.limitActiveHosts(config.engine().maxActiveHosts());
        router.limitIncidents(config.engine().maxOpenIncidents(), engine.capHits()::hit);
        engine.capHits().declare(AlertRouter.INCIDENTS_CAP);
        engine.capHits().declare(AlertRouter.REVISIONS_CAP);
        rulesDir = home.resolve(config.rulesDir());
        rulesDisplay = config.rulesDir();
        RuleEngine.LoadProblems problems = engine.load(rulesDir, rulesDisplay, config.ruleVariables());
        if (!problems.isEmpty()) {
            List<String> all = new ArrayList<>();
            problems.rules().forEach(p -> all.add(p.toString()));
            all.addAll(problems.variables());
            throw new StartupException("rules do not load:\n" + String.join("\n", all), null);
        }
        try {
            listWatcher = ListWatcher.start(lists);
        } catch (IOException e) {
            throw new StartupException("cannot watch the lists folder " + lists.dir() + ": " + e.getMessage(), e);
        }
        state = startState(config, home, clock);
        deadLetters = new DeadLetterLog(home.resolve(config.deadLetter().path()), config.deadLetter().maxPerSecond(), clock);
        MessageQueue queue = new MessageQueue(config.queueCapacity(),
                config.queueMaxMb() * 1024L * 1024L);
        Map<InputEndpoint, LineParser> parsers = new IdentityHashMap<>();
        List<InputEndpoint> endpoints = new ArrayList<>();
        for (InputConfig ic : config.inputs()) {
            InputEndpoint endpoint = new InputEndpoint(ic);
            endpoints.add(endpoint);
            ZoneId zone = ic.defaultTimezone() == null ? ZoneId.systemDefault() : ZoneId.of(ic.defaultTimezone());
            parsers.put(endpoint, LineParser.forFormat(ic.format(), new ParseContext(zone, clock, internal)));
            inputs.add(Inputs.create(endpoint, queue));
        }
        pipeline = new Pipeline(queue, parsers, engine, deadLetters, clock);
        pipelineThread = new Thread(pipeline, "quietwatch-pipeline");
        stats = new DaemonStats(clock.millis(), endpoints, pipeline, router, outbox, deadLetters, queue::size, queue::bytes, engine::currentTime,
                engine.capHits());
        metrics.bind(stats, clock);
        metrics.bindRules(this::ruleTotals);
        if (alertStoreWriter != null) {
            stats.alertStore(alertStoreWriter::counters);
        }
        statsLog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quietwatch-stats");
            t.setDaemon(true);
            return t;
        });
        reloader = new RuleReloader(engine, pipeline, rulesDir, rulesDisplay, config.ruleVariables(), clock);
        pipelineThread.start();
        if (state != null) {
            state.start(pipeline::submit);
        }
        try {
            // an editor's save is often several writes and a rename: reload once the folder is quiet
            ruleWatcher = watchRules ? io.quietwatch.engine.FolderWatcher.start(rulesDir, "quietwatch-rule-watcher", 300, changed -> {
                if (changed.isEmpty() || changed.stream().anyMatch(p -> p.toString().endsWith(".epl"))) {
                    reloadRules("file change");
                }
            }) : null;
            for (Input in : inputs) {
                in.start();
            }
            admin = config.admin().enabled()
                    ? AdminServer.start(config.admin().bindAddress(), config.admin().port(), home.resolve("var/admin.token"), stats, clock,
                    new AdminServer.Actions() {
                        @Override
                        public Map<String, Object> status() {
                            return Daemon.this.status(clock.millis());
                        }

                        @Override
                        public RuleReloader.Report reload() {
                            return reloadRules("admin");
                        }

                        @Override
                        public List<Object> alerts(Map<String, String> query) {
                            return alertStore == null ? null : alertStore.find(io.quietwatch.store.StoredAlertJson.query(query)).stream()
                                    .<Object>map(io.quietwatch.store.StoredAlertJson::tree).toList();
                        }
                    })
                    : null;
            dashboard = config.dashboard().enabled() ? startDashboard(config, home, clock) : null;
            if (admin != null) {
                admin.serveMetrics(metrics, config.admin().metricsOpen());
            }
        } catch (IOException e) {
            close();
            throw new StartupException(e.getMessage(), e);
        }
        long every = config.statsIntervalSeconds();
        statsLog.scheduleAtFixedRate(() -> LOG.info("Stats: {}", stats.line(clock.millis())), every, every, TimeUnit.SECONDS);
    }

    /**
     * Starts the engine clock, at the snapshot's engine time if that is ahead, and puts the latest snapshot
     * back (config {@code state:}); null when snapshots are disabled.
     */
    private io.quietwatch.state.StateKeeper startState(QuietWatchConfig config, Path home, Clock clock) {
        engine.start(clock.millis());
        if (!config.state().enabled()) {
            LOG.info("State snapshots are disabled (state.enabled: false): a restart starts with empty state");
            return null;
        }
        io.quietwatch.state.StateKeeper keeper = new io.quietwatch.state.StateKeeper(home.resolve(config.state().path()),
                config.state().path(), config.state().snapshotIntervalSeconds() * 1000L, clock,
                io.quietwatch.state.StateKeeper.of(engine, router, clock));
        keeper.restore(engine, router);
        return keeper;
    }

    /** Starts everything; throws with a readable message when something cannot start. */
    public static Daemon start(QuietWatchConfig config, Path home, Clock clock) throws StartupException {
        return new Daemon(config, home, clock, true);
    }

    /**
     * Starts everything; with {@code watchRules} false, rule files are reloaded only on request
     * ({@link #reloadRules}, {@code POST /reload}, SIGHUP), not when they change.
     */
    public static Daemon start(QuietWatchConfig config, Path home, Clock clock, boolean watchRules) throws StartupException {
        return new Daemon(config, home, clock, watchRules);
    }

    private static io.quietwatch.store.JdbcAlertStore openAlertStore(QuietWatchConfig config, Path home, Clock clock)
            throws StartupException {
        if (!config.alertStore().enabled()) {
            return null;
        }
        try {
            io.quietwatch.store.JdbcAlertStore store = io.quietwatch.store.JdbcAlertStore.open(config.alertStore(), home, clock);
            LOG.info("Alert store: {}", store.target());
            return store;
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    private static AlertSink createSink(SinkConfig config, Path home, Clock clock) throws StartupException {
        SinkType type = SinkType.all().values().stream().filter(t -> t.configClass().isInstance(config)).findFirst()
                .orElseThrow(() -> new StartupException("sink " + config.name() + ": no sink type for " + config.getClass().getName(), null));
        AlertSink sink = type.create(config, new SinkType.Context(home, clock));
        try {
            sink.start();
        } catch (SinkException e) {
            throw new StartupException("sink " + config.name() + " does not start:\n  " + String.join("\n  ", e.problems()), e);
        }
        return sink;
    }

    private io.quietwatch.web.DashboardServer startDashboard(QuietWatchConfig config, Path home, Clock clock) throws IOException {
        var queries = new io.quietwatch.web.EngineQueries(engine, pipeline::submit, 10_000);
        return io.quietwatch.web.DashboardServer.start(config.dashboard(), home,
                new io.quietwatch.web.DashboardSources(queries, alertStore, stats::snapshot, this::status, metrics::scrape), clock);
    }

    /** The dashboard's port, or -1 when disabled. */
    public int dashboardPort() {
        return dashboard == null ? -1 : dashboard.port();
    }

    /** The bound address of each input, in config order (the real ports when 0 was configured). */
    public List<InetSocketAddress> inputAddresses() {
        return inputs.stream().map(Input::localAddress).toList();
    }

    /** The admin endpoint's port, or -1 when disabled. */
    public int adminPort() {
        return admin == null ? -1 : admin.port();
    }

    /**
     * Reloads the changed rule files (see {@link io.quietwatch.engine.RuleReload}); the file watcher,
     * {@code POST /reload} and SIGHUP call this.
     *
     * @param trigger what asked, for the log and {@code status}
     */
    public RuleReloader.Report reloadRules(String trigger) {
        RuleReloader.Report r = reloader.reload(trigger);
        metrics.reloaded(r.outcome().result());
        if (!r.applied()) {
            r.outcome().errors().forEach(e -> LOG.error("Rule reload ({}) rejected, the running rules stay: {}", trigger, e));
        }
        return r;
    }

    /**
     * The {@code status} document: uptime, the counters of {@code /stats} with the inputs, the rules with
     * their versions running and on disk and their per-statement counters, the list sizes, the last reload.
     */
    public Map<String, Object> status(long now) {
        Map<String, Object> s = new java.util.LinkedHashMap<>(stats.snapshot(now));
        try {
            s.putAll(pipeline.submit(() -> Map.of(
                    "rules", io.quietwatch.engine.RuleStatus.of(engine, rulesDir, rulesDisplay, alertCounts::of),
                    "lists", engine.lists().sizes())).get(10, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            s.put("rules_error", "the pipeline did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RuleReloader.Report last = reloader.last();
        s.put("last_reload", last == null ? null : last.toMap());
        s.put("state", state == null ? Map.of("enabled", false) : state.status());
        return s;
    }

    /** The last snapshot, taken once the pipeline has drained and the engine is idle. */
    private void snapshotAtStop() {
        if (state == null) {
            return;
        }
        if (pipelineThread.isAlive()) {
            LOG.error("No state snapshot at stop: the pipeline did not drain within 30 s; the last periodic one stays");
            return;
        }
        try {
            io.quietwatch.state.StateKeeper.Written w = state.snapshotNow();
            LOG.info("State snapshot written at stop: {} rows, {} bytes, in {} ms", w.rows(), w.bytes(), w.copyMillis() + w.writeMillis());
        } catch (Exception e) {
            LOG.error("State snapshot at stop failed, the previous one stays: {}", e.toString());
        }
    }

    /** The alert store the dashboard reads and acknowledges in, or null when {@code alert_store.enabled} is false. */
    public io.quietwatch.store.AlertStore alertStore() {
        return alertStore;
    }

    /** The counters. */
    public DaemonStats stats() {
        return stats;
    }

    /** The Prometheus metrics ({@code GET /metrics} on the admin endpoint and the dashboard). */
    public QuietWatchMetrics metrics() {
        return metrics;
    }

    /** The running statements' figures, read on the pipeline thread for a scrape. */
    private List<RuleStatus.StatementTotals> ruleTotals() {
        try {
            return pipeline.submit(() -> RuleStatus.totals(engine)).get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the pipeline did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Stopping: inputs, then the pipeline, then the state snapshot, then the outbox and the sinks");
        if (dashboard != null) {
            // it reads the engine and the alert store, which close below
            dashboard.close();
        }
        inputs.forEach(Input::close);
        if (state != null) {
            state.close();
        }
        pipeline.stop();
        try {
            pipelineThread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        snapshotAtStop();
        outbox.close();
        if (alertStoreWriter != null) {
            alertStoreWriter.close();
            alertStore.close();
        }
        sinks.forEach(AlertSink::close);
        listWatcher.close();
        if (ruleWatcher != null) {
            ruleWatcher.close();
        }
        deadLetters.close();
        if (admin != null) {
            admin.close();
        }
        statsLog.shutdownNow();
        LOG.info("Stats at stop: {}", stats.line(System.currentTimeMillis()));
        engine.close();
        metrics.close();
    }
}
