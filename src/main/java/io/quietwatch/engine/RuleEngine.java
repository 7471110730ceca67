package io.quietwatch.engine;

import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.common.client.configuration.common.ConfigurationCommonEventTypeBean;
import com.espertech.esper.common.client.util.AccessorStyle;
import com.espertech.esper.runtime.client.EPDeployException;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPDeploymentRolloutCompiled;
import com.espertech.esper.runtime.client.EPDeploymentRollout;
import com.espertech.esper.runtime.client.EPEventService;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;
import com.espertech.esper.runtime.client.EPStatement;
import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.engine.list.ListEntry;
import io.quietwatch.engine.list.ListStore;
import io.quietwatch.event.LogEvent;
import com.espertech.esper.common.client.EventBean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Esper facade: registers {@link LogEvent}, compiles and deploys the rule files, drives the
 * event-time clock and turns the output of {@code @Detection} statements into alerts.
 *
 * <p>Time: the runtime's clock is external and follows the events' time stamps; it never moves back
 * (a late event is processed at the current time). In {@link Mode#LIVE} an event stamped more than
 * {@code maxFutureSkewMillis} ahead of the wall clock moves the clock only that far, and
 * {@link #tick()} advances the clock with the wall clock while traffic is idle, so timers still fire.
 * In {@link Mode#REPLAY} the clock starts at the first event's time and follows the events only.
 *
 * <p>Not thread-safe: one thread sends events and ticks.
 */
public final class RuleEngine implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(RuleEngine.class);
    static final String EVENT_TYPE = "LogEvent";
    static final String ALERT_EVENT_TYPE = "QwAlert";
    static final String FIRST_EVENT_VARIABLE = "qw_first_event_time";
    static final String ACTIVE_HOSTS_VARIABLE = "qw_active_hosts";
    static final String ACTIVE_HOST_WINDOW_VARIABLE = "qw_active_host_window_seconds";
    private static final String CAP_SUFFIX = "_max_rows";
    private static final String ACTIVE_HOSTS_CAP = "active_hosts";

    /** How the clock is driven. */
    public enum Mode { LIVE, REPLAY }

    private final Mode mode;
    private final Clock wall;
    private final long maxFutureSkewMillis;
    private final Consumer<Alert> alerts;
    private final java.util.ArrayDeque<Alert> pendingAlerts = new java.util.ArrayDeque<>();
    private VpnUsers vpnUsers = VpnUsers.NONE;
    private com.espertech.esper.common.client.EventSender alertSender;
    private final Configuration configuration;
    private final EPRuntime runtime;
    private final EPEventService events;
    private final com.espertech.esper.common.client.EventSender sender;
    private final RuleCompiler compiler;
    private String systemDeploymentId;
    private RuleFile systemModule;
    private List<RuleFile> pending = List.of();
    private Map<String, Object> pendingVariables = Map.of();
    private final List<EPDeployment> deployments = new ArrayList<>();
    private final Map<String, EPDeployment> ruleDeployments = new java.util.LinkedHashMap<>();
    private final ActiveHosts activeHosts = new ActiveHosts(7 * 86_400_000L);
    private final CapHits capHits = new CapHits();
    private final ListStore lists;
    private final java.util.Queue<Map<String, Object>> listSync = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private long nextListMaintenance;
    private java.util.function.LongConsumer timeListener = t -> { };
    private final Map<String, io.quietwatch.alert.Suppression> suppressions = new java.util.HashMap<>();
    // on-demand queries by EPL, compiled (or the IllegalArgumentException of one that does not compile) until a
    // module is deployed or undeployed
    private final Map<String, Object> compiledQueries = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger queryCompilations = new java.util.concurrent.atomic.AtomicInteger();
    private boolean started;
    private long firstEventTime;
    private volatile long now;
    private long wallAtLastAdvance;

    public RuleEngine(Mode mode, Clock wall, long maxFutureSkewMillis, Consumer<Alert> alerts) {
        this(mode, wall, maxFutureSkewMillis, alerts, new ListStore(null, "lists"));
    }

    /**
     * @param lists the active lists rules consult with {@code inList} and change through
     *              {@code QwListAdd}/{@code QwListRemove}; changes are written back to its files by
     *              {@link #tick()} in LIVE mode only (a replay never changes the admin's files)
     */
    public RuleEngine(Mode mode, Clock wall, long maxFutureSkewMillis, Consumer<Alert> alerts, ListStore lists) {
        this.mode = mode;
        this.lists = lists;
        this.wall = wall;
        this.maxFutureSkewMillis = maxFutureSkewMillis;
        this.alerts = alerts;
        this.configuration = mode == Mode.LIVE ? RuleMetrics.enable(configuration()) : configuration();
        this.runtime = EPRuntimeProvider.getRuntime("quietwatch-" + UUID.randomUUID(), configuration);
        this.events = runtime.getEventService();
        // the internal timer is disabled in the configuration: the clock is already external
        events.advanceTime(0);
        this.sender = events.getEventSender(EVENT_TYPE);
        this.alertSender = events.getEventSender(ALERT_EVENT_TYPE);
        EplFunctions.bind(runtime.getURI(), lists);
        TableRows.bind(runtime);
        runtime.getDeploymentService().addDeploymentStateListener(new com.espertech.esper.runtime.client.DeploymentStateListener() {
            @Override
            public void onDeployment(com.espertech.esper.runtime.client.DeploymentStateEventDeployed event) {
                compiledQueries.clear();
            }

            @Override
            public void onUndeployment(com.espertech.esper.runtime.client.DeploymentStateEventUndeployed event) {
                compiledQueries.clear();
            }
        });
        lists.onChange(new ListStore.Changes() {
            @Override
            public void put(String list, ListEntry e) {
                listSync.add(Map.of("op", "put", "list", list, "value", e.value(), "expires", e.expiresAt(), "comment", e.comment()));
            }

            @Override
            public void removed(String list, String value) {
                listSync.add(Map.of("op", "remove", "list", list, "value", value, "expires", 0L, "comment", ""));
            }
        });
        this.compiler = new RuleCompiler(configuration);
    }

    /** The Esper configuration QuietWatch uses: the event type, annotations, external clock. */
    public static Configuration configuration() {
        Configuration c = new Configuration();
        ConfigurationCommonEventTypeBean bean = new ConfigurationCommonEventTypeBean();
        bean.setAccessorStyle(AccessorStyle.PUBLIC);
        c.getCommon().addEventType(EVENT_TYPE, LogEvent.class.getName(), bean);
        c.getCommon().addEventType(ALERT_EVENT_TYPE, AlertEvent.class.getName(), bean);
        c.getCommon().addAnnotationImport(Detection.class);
        c.getCommon().addAnnotationImport(Severity.class);
        c.getCommon().addAnnotationImport(Title.class);
        c.getCommon().addAnnotationImport(Suppress.class);
        c.getCommon().addImport(LogEvent.class);
        c.getRuntime().getThreading().setInternalTimerEnabled(false);
        c.getRuntime().getExecution().setPrioritized(true);
        EplFunctions.register(c);
        c.getCompiler().addPlugInAggregationFunctionForge("ipIdSequences", io.quietwatch.engine.nat.IpIdSequencesForge.class.getName());
        c.getCompiler().addPlugInSingleRowFunction("tableRows", TableRows.class.getName(), "tableRows");
        c.getCompiler().addPlugInSingleRowFunction("ipSubnet", io.quietwatch.engine.nat.IpSubnets.class.getName(), "subnet");
        return c;
    }

    /**
     * What loading the rules found wrong.
     *
     * @param rules     problems in rule files, positioned
     * @param variables problems with the configured {@code rule_variables}, one message each
     */
    public record LoadProblems(List<RuleProblem> rules, List<String> variables) {
        public boolean isEmpty() {
            return rules.isEmpty() && variables.isEmpty();
        }
    }

    /**
     * Compiles the rule files of {@code dir} and checks the configured variable values against the
     * declarations. Nothing is deployed when anything is wrong. Deployment happens at
     * {@link #start(long)} (LIVE) or at the first event (REPLAY).
     *
     * @param variables values for rule variables, by name (config {@code rule_variables})
     */
    public LoadProblems load(Path dir, String displayDir, Map<String, Object> variables) {
        deploySystemModule();
        RuleCompiler.Result result = compiler.compileDirectory(dir, displayDir, runtime.getRuntimePath());
        Map<String, String> declared = new java.util.HashMap<>(systemModule.variables());
        declared.remove(FIRST_EVENT_VARIABLE);
        declared.remove(ACTIVE_HOSTS_VARIABLE);
        result.files().forEach(f -> declared.putAll(f.variables()));
        List<String> variableProblems = new ArrayList<>();
        Map<String, Object> values = RuleVariables.convert(declared, variables == null ? Map.of() : variables, variableProblems);
        if (!result.ok() || !variableProblems.isEmpty()) {
            return new LoadProblems(result.problems(), variableProblems);
        }
        pending = result.files();
        pendingVariables = values;
        return new LoadProblems(List.of(), List.of());
    }

    /** Sets the clock to {@code timeMillis} and deploys the loaded rules. */
    public void start(long timeMillis) {
        if (started) {
            return;
        }
        started = true;
        now = Math.max(now, timeMillis);
        events.advanceTime(now);
        wallAtLastAdvance = wall.millis();
        deployRules();
    }

    /** Sends one event, advancing the clock to its time stamp first. */
    public void send(LogEvent event) {
        long t = event.timestamp();
        if (!started) {
            start(mode == Mode.LIVE ? wall.millis() : t);
        }
        if (firstEventTime == 0) {
            firstEventTime = t;
            runtime.getVariableService().setVariableValue(systemDeploymentId, FIRST_EVENT_VARIABLE, t);
        }
        if (mode == Mode.LIVE) {
            long w = wall.millis();
            t = Math.min(t, w + maxFutureSkewMillis);
            wallAtLastAdvance = w;
        }
        if (t > now) {
            advance(t);
        }
        if (activeHosts.observe(event)) {
            publishActiveHosts();
        }
        if (!listSync.isEmpty()) {
            syncLists();
        }
        sender.sendEvent(event);
        if (!pendingAlerts.isEmpty()) {
            drainAlerts();
        }
    }

    /**
     * Hands the alerts raised while processing to the consumer, after naming the VPN user of the host
     * where the rules did not, and sends each into the engine as a {@code QwAlert} event (which may raise
     * correlation alerts in turn).
     */
    private void drainAlerts() {
        Alert a;
        int guard = 0;
        while ((a = pendingAlerts.poll()) != null) {
            Alert named = vpnUsers.name(a);
            alerts.accept(named);
            if (guard++ < 10_000) {
                alertSender.sendEvent(AlertEvent.of(named));
            }
        }
    }

    /** Mirrors list changes into the QwList table (between events, on the engine thread). */
    private void syncLists() {
        Map<String, Object> change;
        while ((change = listSync.poll()) != null) {
            events.sendEventMap(change, "QwListSync");
        }
    }

    private void advance(long t) {
        events.advanceTimeSpan(t);
        now = t;
        if (!pendingAlerts.isEmpty()) {
            drainAlerts();
        }
        timeListener.accept(t);
        if (activeHosts.purge(t)) {
            publishActiveHosts();
        }
        if (t >= nextListMaintenance) {
            nextListMaintenance = t + 60_000;
            lists.advance(t);
            if (mode == Mode.LIVE) {
                lists.flush();
            }
        }
    }

    private void publishActiveHosts() {
        runtime.getVariableService().setVariableValue(systemDeploymentId, ACTIVE_HOSTS_VARIABLE, (long) activeHosts.count());
    }

    /**
     * Advances the clock by the wall-clock time passed since it last moved (LIVE only), so that time
     * windows and timers progress while no traffic arrives.
     */
    public void tick() {
        if (mode != Mode.LIVE || !started) {
            return;
        }
        if (!listSync.isEmpty()) {
            syncLists();
        }
        long w = wall.millis();
        long target = now + (w - wallAtLastAdvance);
        wallAtLastAdvance = w;
        if (target > now) {
            advance(target);
        }
    }

    /** Advances the clock to {@code timeMillis} (never backwards). */
    public void advanceTo(long timeMillis) {
        if (timeMillis > now) {
            advance(timeMillis);
        }
    }

    /**
     * After a deploy or reload: every cap the running rules declare (a variable named {@code <cap>_max_rows})
     * is listed in {@link #capHits()}.
     */
    private void capsDeployed() {
        for (RuleFile f : pending) {
            f.variables().keySet().stream().filter(v -> v.endsWith(CAP_SUFFIX))
                    .forEach(v -> capHits.declare(v.substring(0, v.length() - CAP_SUFFIX.length())));
        }
    }

    /**
     * Caps the internal hosts remembered for {@code qw_active_hosts}; a host beyond it is not counted
     * (a hit of cap {@code active_hosts}) until others expire.
     */
    public void limitActiveHosts(int maxHosts) {
        capHits.declare(ACTIVE_HOSTS_CAP);
        activeHosts.limit(maxHosts, () -> capHits.hit(ACTIVE_HOSTS_CAP, maxHosts));
    }

    /** The hits of every cap on per-key state, the rules' and the engine's. */
    public CapHits capHits() {
        return capHits;
    }

    /** Current engine time, epoch millis. */
    public long currentTime() {
        return now;
    }

    /** The underlying runtime, for on-demand queries. */
    public EPRuntime runtime() {
        return runtime;
    }

    /** The rules deployed (file and module name). */
    public List<RuleFile> rules() {
        return pending;
    }

    private void deploySystemModule() {
        if (systemDeploymentId != null) {
            return;
        }
        String text;
        try (InputStream in = RuleEngine.class.getResourceAsStream("system.epl")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the system module is missing from the jar", e);
        }
        List<RuleProblem> problems = new ArrayList<>();
        systemModule = compiler.compileText("system.epl", text, null, problems);
        if (systemModule == null) {
            throw new IllegalStateException("the system module does not compile: " + problems);
        }
        try {
            EPDeployment system = runtime.getDeploymentService().deploy(systemModule.compiled());
            systemDeploymentId = system.getDeploymentId();
            deployments.add(system);
            for (EPStatement st : system.getStatements()) {
                attachSystem(st);
            }
        } catch (EPDeployException e) {
            throw new IllegalStateException("the system module does not deploy", e);
        }
    }

    private void deployRules() {
        List<EPDeploymentRolloutCompiled> items = new ArrayList<>();
        for (RuleFile f : pending) {
            items.add(new EPDeploymentRolloutCompiled(f.compiled()));
        }
        EPDeploymentRollout result;
        try {
            result = runtime.getDeploymentService().rollout(items);
        } catch (EPDeployException e) {
            throw new IllegalStateException("rules compiled but could not be deployed: " + e.getMessage(), e);
        }
        for (int i = 0; i < result.getItems().length; i++) {
            EPDeployment d = result.getItems()[i].getDeployment();
            deployments.add(d);
            ruleDeployments.put(pending.get(i).displayPath(), d);
            for (EPStatement s : d.getStatements()) {
                attach(s, pending.get(i));
            }
        }
        RuleVariables.apply(runtime, deployments, pendingVariables);
        vpnUsers = VpnUsers.of(this);
        capsDeployed();
        Object window = runtime.getVariableService().getVariableValue(systemDeploymentId, ACTIVE_HOST_WINDOW_VARIABLE);
        activeHosts.window(((Number) window).longValue() * 1000);
        LOG.info("Deployed {} rule files with {} statements", pending.size(),
                deployments.stream().skip(1).mapToInt(d -> d.getStatements().length).sum());
    }

    /**
     * Compiles what changed in the rules folder since the running version, against the modules that
     * keep running; deploys nothing. Safe to call from another thread than the engine's, one reload at
     * a time; hand the result to {@link #applyReload} on the engine thread.
     *
     * @param variables the config's {@code rule_variables}, re-applied to the modules that are redeployed
     */
    public RuleReload.Prepared prepareReload(Path dir, String displayDir, Map<String, Object> variables) {
        return RuleReload.prepare(this, compiler, dir, displayDir, variables);
    }

    /**
     * Swaps in a prepared reload: undeploys the affected modules (dependents first) and rolls the new
     * versions out, all or none; on failure the previous versions are deployed again. Call on the thread
     * that sends events and ticks.
     *
     * <p>A redeployed module keeps the rows of each {@code @public} table and named window that its new
     * version declares with the same shape (name, column names and types, primary key); tables with
     * aggregation columns, private ones and changed ones start empty. Rows copied into a named window with
     * a data window such as {@code #time(1 hour)} enter it at the current engine time. See {@link StateCarry}.
     */
    public RuleReload.Outcome applyReload(RuleReload.Prepared prepared) {
        return RuleReload.apply(this, prepared);
    }

    /**
     * What the rules have learnt, for a snapshot: the clock, the rows of the {@code @public} tables, the
     * variables rules assign, the active hosts. Call on the engine thread, after {@link #start}.
     */
    public EngineState exportState() {
        List<EngineState.Table> tables = new ArrayList<>();
        exportSteps().forEach(step -> tables.addAll(step.get()));
        return exportState(tables);
    }

    /**
     * {@link #exportState()} in parts, so that events can flow between them: one step per rule file copies that
     * file's tables; run each on the engine thread, then {@link #exportState(List)} with what they returned. A step
     * returns null when a reload changed the rules since the steps were made: start again.
     */
    public List<java.util.function.Supplier<List<EngineState.Table>>> exportSteps() {
        List<RuleFile> files = pending;
        return files.stream().<java.util.function.Supplier<List<EngineState.Table>>>map(f -> () -> pending != files ? null
                : StateCarry.export(runtime, configuration, this::compiledQuery, List.of(f), ruleDeployments)).toList();
    }

    /** The rest of {@link #exportState()}, with the tables its steps copied; on the engine thread. */
    public EngineState exportState(List<EngineState.Table> tables) {
        return new EngineState(now, firstEventTime, AssignedVariables.read(runtime, configuration, pending, ruleDeployments),
                tables, activeHosts.hosts());
    }

    /**
     * Puts back what {@link #exportState} took, into the rules deployed by {@link #start}, before the first
     * event: the tables whose file still declares them with the same columns and primary key get their rows
     * (others start empty, with a warning naming them), assigned variables their values, the clock moves on to
     * the snapshot's time if it is ahead. Alerts that statements raise on the restored rows are dropped: they
     * were raised before the snapshot.
     */
    public void restoreState(EngineState state) {
        if (!started) {
            throw new IllegalStateException("restoreState needs the rules deployed: call start first");
        }
        Set<String> running = new java.util.HashSet<>(ruleDeployments.keySet());
        state.tables().stream().filter(t -> !running.contains(t.file())).forEach(t ->
                LOG.warn("Restore: table {} of {} is dropped, that rule file is no longer loaded", t.name(), t.file()));
        if (state.engineTime() > now) {
            advance(state.engineTime());
        }
        int raised = dropAlertsRaised(() -> {
            StateCarry.restore(state.tables()).write(runtime, configuration, this::compileQuery, pending, ruleDeployments);
            AssignedVariables.write(runtime, configuration, pending, ruleDeployments, state.variables());
        });
        if (raised > 0) {
            LOG.info("Dropped {} alerts raised while restoring the snapshot's rows", raised);
        }
        if (state.firstEventTime() != 0 && (firstEventTime == 0 || state.firstEventTime() < firstEventTime)) {
            firstEventTime = state.firstEventTime();
            runtime.getVariableService().setVariableValue(systemDeploymentId, FIRST_EVENT_VARIABLE, firstEventTime);
        }
        boolean hosts = false;
        for (EngineState.Host h : state.activeHosts()) {
            hosts |= activeHosts.note(h.ip(), h.lastSeen());
        }
        if (hosts) {
            publishActiveHosts();
        }
    }

    /** Per-statement counters from Esper's statement metrics (LIVE mode only; empty otherwise); engine thread. */
    public RuleMetrics metrics() {
        return mode == Mode.LIVE ? RuleMetrics.read(runtime) : RuleMetrics.NONE;
    }

    /** The running rule files by display path with their deployments (the engine thread changes it). */
    Map<String, EPDeployment> ruleDeployments() {
        return ruleDeployments;
    }

    /** The system module as compiled, for compiling rule files against it. */
    RuleFile systemModule() {
        return systemModule;
    }

    /** The system module's variables that the config may set (the engine's own excluded). */
    Map<String, String> systemVariables() {
        Map<String, String> declared = new java.util.HashMap<>(systemModule.variables());
        declared.remove(FIRST_EVENT_VARIABLE);
        declared.remove(ACTIVE_HOSTS_VARIABLE);
        return declared;
    }

    /**
     * Undeploys {@code undeploy} in the order given and rolls out {@code deploy}; the running rules become
     * {@code running}. Throws, with the undeployed modules deployed again, when the rollout fails.
     */
    void swap(List<String> undeploy, List<RuleFile> deploy, List<RuleFile> running, Map<String, Object> values)
            throws EPDeployException, com.espertech.esper.runtime.client.EPUndeployException {
        List<RuleFile> previous = pending.stream().filter(f -> undeploy.contains(f.displayPath())).toList();
        List<String> redeployed = deploy.stream().map(RuleFile::displayPath).toList();
        StateCarry carry = StateCarry.read(runtime, configuration, this::compileQuery,
                previous.stream().filter(f -> redeployed.contains(f.displayPath())).toList(), ruleDeployments);
        List<String> done = new ArrayList<>();
        for (String file : undeploy) {
            EPDeployment d = ruleDeployments.get(file);
            try {
                runtime.getDeploymentService().undeploy(d.getDeploymentId());
            } catch (com.espertech.esper.runtime.client.EPUndeployException e) {
                rollout(previous.stream().filter(f -> done.contains(f.displayPath())).toList(), pendingVariables);
                throw e;
            }
            done.add(file);
            ruleDeployments.remove(file);
            deployments.remove(d);
            for (EPStatement st : d.getStatements()) {
                suppressions.remove(st.getName());
            }
        }
        try {
            rollout(deploy, values);
        } catch (EPDeployException e) {
            rollout(previous, pendingVariables);
            carryOver(carry, previous);
            throw e;
        }
        carryOver(carry, deploy);
        pending = List.copyOf(running);
        pendingVariables = values;
        vpnUsers = VpnUsers.of(this);
        capsDeployed();
    }

    /**
     * Copies the rows read before the undeploy into the same-shaped tables and named windows of {@code files}
     * (see {@link StateCarry}); alerts that statements raise on the copied rows are dropped, they were
     * raised before.
     */
    private void carryOver(StateCarry carry, List<RuleFile> files) {
        int raised = dropAlertsRaised(() -> carry.write(runtime, configuration, this::compileQuery, files, ruleDeployments));
        if (raised > 0) {
            LOG.info("Dropped {} alerts raised while carrying rows over to the reloaded rules", raised);
        }
    }

    /** Runs {@code copy} and drops the alerts statements raised meanwhile; returns how many. */
    private int dropAlertsRaised(Runnable copy) {
        int before = pendingAlerts.size();
        copy.run();
        int raised = pendingAlerts.size() - before;
        for (int i = 0; i < raised; i++) {
            pendingAlerts.pollLast();
        }
        return raised;
    }

    private void rollout(List<RuleFile> files, Map<String, Object> values) throws EPDeployException {
        List<EPDeploymentRolloutCompiled> items = files.stream().map(f -> new EPDeploymentRolloutCompiled(f.compiled())).toList();
        EPDeploymentRollout result = runtime.getDeploymentService().rollout(items);
        List<EPDeployment> added = new ArrayList<>();
        for (int i = 0; i < result.getItems().length; i++) {
            EPDeployment d = result.getItems()[i].getDeployment();
            added.add(d);
            deployments.add(d);
            ruleDeployments.put(files.get(i).displayPath(), d);
            for (EPStatement st : d.getStatements()) {
                attach(st, files.get(i));
            }
        }
        Map<String, Object> declaredHere = new java.util.HashMap<>();
        files.forEach(f -> values.forEach((name, v) -> {
            if (f.variables().containsKey(name)) {
                declaredHere.put(name, v);
            }
        }));
        RuleVariables.apply(runtime, added, declaredHere);
    }

    private void attachSystem(EPStatement statement) {
        if ("qw-list-add".equals(statement.getName())) {
            statement.addListener((in, old, st, rt) -> {
                for (EventBean b : in) {
                    Object list = b.get("list");
                    Object value = b.get("value");
                    Object expires = b.get("expires");
                    if (list != null && value != null) {
                        lists.add(list.toString(), new ListEntry(value.toString(),
                                expires instanceof Number n ? n.longValue() : 0, String.valueOf(b.get("comment") == null ? "" : b.get("comment"))));
                    }
                }
            });
        } else if ("qw-cap-hit".equals(statement.getName())) {
            statement.addListener((in, old, st, rt) -> {
                for (EventBean b : in) {
                    if (b.get("cap") != null) {
                        capHits.hit(b.get("cap").toString(), b.get("maxRows") instanceof Number n ? n.longValue() : 0);
                    }
                }
            });
        } else if ("qw-list-remove".equals(statement.getName())) {
            statement.addListener((in, old, st, rt) -> {
                for (EventBean b : in) {
                    if (b.get("list") != null && b.get("value") != null) {
                        lists.remove(b.get("list").toString(), b.get("value").toString());
                    }
                }
            });
        }
    }

    /**
     * Compiles an on-demand (fire-and-forget) query against the deployed rules' tables and named
     * windows, e.g. {@code select * from QwList}; run it with {@code runtime().getFireAndForgetService()}.
     */
    public com.espertech.esper.common.client.EPCompiled compileQuery(String epl) {
        var args = new com.espertech.esper.compiler.client.CompilerArguments(configuration);
        args.getPath().add(runtime.getRuntimePath());
        try {
            return com.espertech.esper.compiler.client.EPCompilerProvider.getCompiler().compileQuery(epl, args);
        } catch (com.espertech.esper.compiler.client.EPCompileException e) {
            throw new IllegalArgumentException("query does not compile: " + e.getMessage(), e);
        }
    }

    /**
     * {@link #compileQuery}, remembered until a module is deployed or undeployed: compiling costs a few
     * milliseconds per query, which would otherwise hold up every snapshot and dashboard query on the engine
     * thread. A query that does not compile is remembered too, and throws the same message each time.
     */
    public com.espertech.esper.common.client.EPCompiled compiledQuery(String epl) {
        Object q = compiledQueries.get(epl);
        if (q == null) {
            try {
                q = compileQuery(epl);
                queryCompilations.incrementAndGet();
            } catch (IllegalArgumentException e) {
                q = e;
            }
            compiledQueries.put(epl, q);
        }
        if (q instanceof IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e.getCause());
        }
        return (com.espertech.esper.common.client.EPCompiled) q;
    }

    /** Queries {@link #compiledQuery} has compiled so far. */
    public int queryCompilations() {
        return queryCompilations.get();
    }

    /**
     * The suppression of each rule (statement name) for the alert router: the rule's {@code @Suppress}, with
     * {@code defaultWindowMillis} where it names no window; rules without one get key {@code hostIp},
     * trigger {@code first}.
     */
    public java.util.function.Function<String, io.quietwatch.alert.Suppression> suppressions(long defaultWindowMillis) {
        io.quietwatch.alert.Suppression fallback = io.quietwatch.alert.Suppression.byHost(defaultWindowMillis);
        return rule -> {
            io.quietwatch.alert.Suppression s = suppressions.get(rule);
            if (s == null) {
                return fallback;
            }
            return s.windowMillis() > 0 ? s : new io.quietwatch.alert.Suppression(s.key(), defaultWindowMillis, s.trigger());
        };
    }

    /** Told the engine time whenever it moves (the alert router closes its windows by it). */
    public void onTimeAdvance(java.util.function.LongConsumer listener) {
        this.timeListener = listener;
    }

    /** The active lists. */
    public ListStore lists() {
        return lists;
    }

    private void attach(EPStatement statement, RuleFile file) {
        String detection = null;
        AlertSeverity severity = AlertSeverity.MEDIUM;
        String title = null;
        String description = null;
        Suppress suppress = null;
        List<String> tags = new ArrayList<>();
        for (Annotation a : statement.getAnnotations()) {
            if (a instanceof Suppress sup) {
                suppress = sup;
            } else if (a instanceof com.espertech.esper.common.client.annotation.Tag t) {
                tags.add(t.name() + "=" + t.value());
            }
            if (a instanceof Detection d) {
                detection = d.value();
            } else if (a instanceof Severity s) {
                severity = AlertSeverity.parse(s.value());
            } else if (a instanceof Title t) {
                title = t.value();
            } else if (a instanceof com.espertech.esper.common.client.annotation.Description d) {
                description = d.value();
            }
        }
        if (detection != null) {
            if (suppress != null) {
                suppressions.put(statement.getName(), new io.quietwatch.alert.Suppression(
                        java.util.Arrays.stream(suppress.key().split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList(),
                        suppress.seconds() * 1000, io.quietwatch.alert.Trigger.parse(suppress.trigger())));
            }
            statement.addListener(new AlertListener(detection, statement.getName(), severity, title, description, tags,
                    pendingAlerts::add));
            LOG.debug("Rule {} of {} raises {} alerts", statement.getName(), file.displayPath(), detection);
        }
    }

    @Override
    public void close() {
        if (mode == Mode.LIVE) {
            lists.flush();
        }
        EplFunctions.unbind(runtime.getURI());
        TableRows.unbind(runtime);
        runtime.destroy();
    }
}
