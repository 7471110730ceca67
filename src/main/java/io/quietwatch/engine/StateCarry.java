package io.quietwatch.engine;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.EventBean;
import com.espertech.esper.common.client.EventPropertyDescriptor;
import com.espertech.esper.common.client.EventType;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.common.client.soda.CreateTableClause;
import com.espertech.esper.common.client.soda.CreateTableColumn;
import com.espertech.esper.common.client.soda.EPStatementObjectModel;
import com.espertech.esper.common.client.util.StatementProperty;
import com.espertech.esper.common.client.util.StatementType;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPStatement;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Carries the rows of tables and named windows over when their module is redeployed by a reload.
 *
 * <p>Before the old versions are undeployed, {@link #read} copies the rows of every table and named window
 * the modules declare, with a fire-and-forget {@code select *}. After the new versions are deployed,
 * {@link #write} inserts them, with one parameterised fire-and-forget {@code insert into}, into each table
 * or named window that the new version declares with the <em>same shape</em>: the same name and the same
 * column names and types in the same order, and for a table the same primary-key columns. Columns typed
 * as an event ({@code startEvent LogEvent}) are copied too.
 *
 * <p>What starts empty, logged at INFO with the reason: a table or window whose shape changed or that the new
 * version no longer declares; a table with an aggregation column ({@code count(*)}, {@code maxever(...)},
 * plug-in aggregations), whose state an insert cannot set; and a table or window private to its module
 * (the default): fire-and-forget queries reach only {@code @public} tables and windows. A copy that fails
 * is logged at WARN with the file and name and does not fail the reload.
 *
 * <p>Rows inserted into a named window with a data window (e.g. {@code #time(1 hour)}) enter it at the current
 * engine time: they stay for the window's full length again. Statements that consume a named window's
 * insert stream see the carried rows as new; alerts raised by them during the copy are dropped by the
 * engine.
 *
 * <p>A snapshot ({@link RuleEngine#exportState}) is the same rows of the {@code @public} tables, read by
 * {@link #export}; at the next start {@link #restore} writes them into the tables of the same shape, and a
 * table whose shape changed starts empty with a WARN line naming it. Named windows are not part of it.
 */
final class StateCarry {
    private static final Logger LOG = LogManager.getLogger(StateCarry.class);

    /** The rows of one table or named window of an old deployment. */
    private record Saved(String file, String name, boolean table, List<EngineState.Column> columns, List<String> keys,
                         List<Object[]> rows) {
    }

    /** Why rows are carried: the words of the log lines, and how loud a table that starts empty is. */
    private enum Occasion {
        RELOAD("Reload", Level.INFO, Level.INFO), SNAPSHOT("Snapshot", Level.DEBUG, Level.WARN), RESTORE("Restore", Level.WARN, Level.WARN);

        final String word;
        final Level skipped;
        final Level failed;

        Occasion(String word, Level skipped, Level failed) {
            this.word = word;
            this.skipped = skipped;
            this.failed = failed;
        }
    }

    private final Map<String, List<Saved>> byFile;
    private final Occasion occasion;

    private StateCarry(Map<String, List<Saved>> byFile) {
        this(byFile, Occasion.RELOAD);
    }

    private StateCarry(Map<String, List<Saved>> byFile, Occasion occasion) {
        this.byFile = byFile;
        this.occasion = occasion;
    }

    /** Nothing to carry. */
    static final StateCarry NONE = new StateCarry(Map.of());

    /**
     * Reads the rows of the tables and named windows of {@code files} from their running deployments.
     *
     * @param compileQuery compiles a fire-and-forget query against the running modules
     */
    static StateCarry read(EPRuntime runtime, Configuration configuration, Function<String, EPCompiled> compileQuery,
                           List<RuleFile> files, Map<String, EPDeployment> deployments) {
        return new StateCarry(read(runtime, configuration, compileQuery, files, deployments, Occasion.RELOAD));
    }

    /** The rows of the {@code @public} tables with plain columns of {@code files}, for a snapshot. */
    static List<EngineState.Table> export(EPRuntime runtime, Configuration configuration, Function<String, EPCompiled> compileQuery,
                                          List<RuleFile> files, Map<String, EPDeployment> deployments) {
        Map<String, String> hashes = new HashMap<>();
        files.forEach(f -> hashes.put(f.displayPath(), RuleHashes.of(f.text())));
        List<EngineState.Table> out = new ArrayList<>();
        read(runtime, configuration, compileQuery, files, deployments, Occasion.SNAPSHOT).values().forEach(saved -> saved.stream()
                .filter(Saved::table)
                .forEach(s -> out.add(new EngineState.Table(s.file, hashes.get(s.file), s.name, s.columns, s.keys, s.rows))));
        return out;
    }

    /** Rows of a snapshot, to {@link #write} into the tables of the same shape once the rules are deployed. */
    static StateCarry restore(List<EngineState.Table> tables) {
        Map<String, List<Saved>> byFile = new LinkedHashMap<>();
        for (EngineState.Table t : tables) {
            byFile.computeIfAbsent(t.file(), f -> new ArrayList<>()).add(new Saved(t.file(), t.name(), true, t.columns(), t.keys(), t.rows()));
        }
        return new StateCarry(byFile, Occasion.RESTORE);
    }

    private static Map<String, List<Saved>> read(EPRuntime runtime, Configuration configuration, Function<String, EPCompiled> compileQuery,
                                                 List<RuleFile> files, Map<String, EPDeployment> deployments, Occasion occasion) {
        Map<String, List<Saved>> out = new LinkedHashMap<>();
        for (RuleFile f : files) {
            EPDeployment d = deployments.get(f.displayPath());
            if (d == null) {
                continue;
            }
            Map<String, List<String>> tables = tables(f, configuration);
            List<Saved> saved = new ArrayList<>();
            for (EPStatement st : d.getStatements()) {
                Object kind = st.getProperty(StatementProperty.STATEMENTTYPE);
                if (kind != StatementType.CREATE_TABLE && kind != StatementType.CREATE_WINDOW) {
                    continue;
                }
                String name = (String) st.getProperty(StatementProperty.CREATEOBJECTNAME);
                boolean table = kind == StatementType.CREATE_TABLE;
                String what = (table ? "table " : "named window ") + name;
                List<String> keys = table ? tables.get(name) : List.of();
                if (table && keys == null) {
                    LOG.log(occasion.skipped, "{} of {}: {} starts empty: it has aggregation columns, which an insert cannot set",
                            occasion.word, f.displayPath(), what);
                    continue;
                }
                if (occasion == Occasion.SNAPSHOT && !table) {
                    continue;
                }
                EPCompiled query;
                try {
                    query = compileQuery.apply("select * from " + name);
                } catch (RuntimeException e) {
                    LOG.log(occasion.skipped, "{} of {}: {} starts empty: it is private to its module (declare it @public to keep its rows)",
                            occasion.word, f.displayPath(), what);
                    continue;
                }
                try {
                    var result = runtime.getFireAndForgetService().executeQuery(query);
                    EventBean[] rows = result.getArray();
                    String[] columns = st.getEventType().getPropertyNames();
                    // one getter per column rather than a lookup by name per value: tables reach 100,000s of rows
                    com.espertech.esper.common.client.EventPropertyGetter[] getters =
                            new com.espertech.esper.common.client.EventPropertyGetter[columns.length];
                    for (int i = 0; i < columns.length; i++) {
                        getters[i] = result.getEventType().getGetter(columns[i]);
                    }
                    List<Object[]> values = new ArrayList<>(rows == null ? 0 : rows.length);
                    for (EventBean row : rows == null ? new EventBean[0] : rows) {
                        Object[] v = new Object[columns.length];
                        for (int i = 0; i < columns.length; i++) {
                            Object value = getters[i].get(row);
                            v[i] = value instanceof EventBean b ? b.getUnderlying() : value;
                        }
                        values.add(v);
                    }
                    saved.add(new Saved(f.displayPath(), name, table, columns(st.getEventType()), keys, values));
                } catch (RuntimeException e) {
                    LOG.log(occasion.failed, "{} of {}: could not read the rows of {}, it starts empty: {}", occasion.word, f.displayPath(),
                            what, e.getMessage());
                }
            }
            if (!saved.isEmpty()) {
                out.put(f.displayPath(), saved);
            }
        }
        return out;
    }

    /**
     * Inserts the rows read into the tables and named windows of the same shape in the new deployments.
     *
     * @param files       the files just deployed
     * @param deployments their deployments, by display path
     */
    void write(EPRuntime runtime, Configuration configuration, Function<String, EPCompiled> compileQuery,
               List<RuleFile> files, Map<String, EPDeployment> deployments) {
        for (RuleFile f : files) {
            List<Saved> saved = byFile.get(f.displayPath());
            EPDeployment d = deployments.get(f.displayPath());
            if (saved == null || d == null) {
                continue;
            }
            Map<String, List<String>> tables = tables(f, configuration);
            Map<String, EPStatement> created = new HashMap<>();
            for (EPStatement st : d.getStatements()) {
                Object kind = st.getProperty(StatementProperty.STATEMENTTYPE);
                if (kind == StatementType.CREATE_TABLE || kind == StatementType.CREATE_WINDOW) {
                    created.put((kind == StatementType.CREATE_TABLE ? "t:" : "w:") + st.getProperty(StatementProperty.CREATEOBJECTNAME), st);
                }
            }
            for (Saved s : saved) {
                String what = (s.table ? "table " : "named window ") + s.name;
                EPStatement now = created.get((s.table ? "t:" : "w:") + s.name);
                if (now == null) {
                    LOG.log(occasion.skipped, "{} of {}: {} is no longer declared, its {} rows are dropped", occasion.word, f.displayPath(),
                            what, s.rows.size());
                    continue;
                }
                if (!s.columns.equals(columns(now.getEventType())) || (s.table && !Objects.equals(s.keys, tables.get(s.name)))) {
                    LOG.log(occasion.skipped, "{} of {}: {} starts empty: its columns or primary key changed", occasion.word,
                            f.displayPath(), what);
                    continue;
                }
                if (s.rows.isEmpty()) {
                    continue;
                }
                try {
                    insert(runtime, compileQuery, s, now.getEventType());
                    LOG.info("{} of {}: {} keeps its {} rows", occasion.word, f.displayPath(), what, s.rows.size());
                } catch (RuntimeException e) {
                    LOG.warn("{} of {}: could not copy the rows of {}, it starts empty: {}", occasion.word, f.displayPath(), what,
                            e.getMessage());
                }
            }
        }
    }

    private static void insert(EPRuntime runtime, Function<String, EPCompiled> compileQuery, Saved s, EventType type) {
        EventPropertyDescriptor[] columns = type.getPropertyDescriptors();
        StringBuilder epl = new StringBuilder("insert into ").append(s.name).append(" select ");
        for (int i = 0; i < columns.length; i++) {
            Class<?> c = MethodType.methodType(columns[i].getPropertyType()).wrap().returnType();
            epl.append(i == 0 ? "" : ", ").append("?::").append(c.getCanonicalName()).append(" as ").append(columns[i].getPropertyName());
        }
        var service = runtime.getFireAndForgetService();
        var prepared = service.prepareQueryWithParameters(compileQuery.apply(epl.toString()));
        for (Object[] row : s.rows) {
            for (int i = 0; i < row.length; i++) {
                prepared.setObject(i + 1, row[i] instanceof EventBean b ? b.getUnderlying() : row[i]);
            }
            service.executeQuery(prepared);
        }
    }

    /** The column names, types and event-typed flags, in order: two tables of the same shape have equal lists. */
    static List<EngineState.Column> columns(EventType type) {
        List<EngineState.Column> out = new ArrayList<>();
        for (EventPropertyDescriptor d : type.getPropertyDescriptors()) {
            out.add(new EngineState.Column(d.getPropertyName(), d.getPropertyType().getName(), d.isFragment()));
        }
        return out;
    }

    /**
     * The tables {@code f} declares with only plain columns, each with its primary-key columns; tables with an
     * aggregation column are left out.
     */
    private static Map<String, List<String>> tables(RuleFile f, Configuration configuration) {
        Map<String, List<String>> out = new HashMap<>();
        for (EPStatementObjectModel model : ModuleModels.mentioning(f, "table", configuration)) {
            CreateTableClause t = model.getCreateTable();
            if (t == null || t.getColumns().stream().anyMatch(c -> c.getOptionalExpression() != null)) {
                continue;
            }
            out.put(t.getTableName(), t.getColumns().stream()
                    .filter(c -> Boolean.TRUE.equals(c.getPrimaryKey())).map(CreateTableColumn::getColumnName).toList());
        }
        return out;
    }
}
