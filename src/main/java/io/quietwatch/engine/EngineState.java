package io.quietwatch.engine;

import java.util.List;

/**
 * What the rules have learnt, as plain values: the engine clock, the rows of the {@code @public} tables, the
 * variables rules set at runtime and the active-host inventory. {@link RuleEngine#exportState()} takes it on
 * the engine thread; it holds no reference into Esper, so it may be written to disk on another thread.
 *
 * @param engineTime     the engine clock, epoch millis
 * @param firstEventTime time of the first event the engine saw (learning periods count from it), 0 if none
 * @param variables      variables that rules assign with {@code on ... set}
 * @param tables         the rows of each {@code @public} table with plain columns
 * @param activeHosts    internal hosts that opened outbound connections recently, with when they were last seen
 */
public record EngineState(long engineTime, long firstEventTime, List<Variable> variables, List<Table> tables,
                          List<Host> activeHosts) {

    public EngineState {
        variables = List.copyOf(variables);
        tables = List.copyOf(tables);
        activeHosts = List.copyOf(activeHosts);
    }

    /** Nothing learnt yet. */
    public static final EngineState EMPTY = new EngineState(0, 0, List.of(), List.of(), List.of());

    /**
     * One table's rows.
     *
     * @param file     the rule file that declares it, as displayed ({@code epl-rules/http-tunnel.epl})
     * @param fileHash the hash of that file's text when the rows were read
     * @param name     the table name
     * @param columns  its columns in order; a restore needs the same ones
     * @param keys     its primary-key columns
     * @param rows     one value per column each; event-typed columns hold the event object
     */
    public record Table(String file, String fileHash, String name, List<Column> columns, List<String> keys, List<Object[]> rows) {
        public Table {
            columns = List.copyOf(columns);
            keys = List.copyOf(keys);
            rows = List.copyOf(rows);
        }
    }

    /**
     * One column.
     *
     * @param name  column name
     * @param type  Java class name of its values ({@code java.lang.String}, {@code long}, {@code io.quietwatch.event.LogEvent})
     * @param event true for a column typed as an event ({@code startEvent LogEvent})
     */
    public record Column(String name, String type, boolean event) {
    }

    /**
     * A variable a rule set at runtime.
     *
     * @param file  the rule file that declares it
     * @param name  the variable name
     * @param value its value (a string, number or boolean)
     */
    public record Variable(String file, String name, Object value) {
    }

    /**
     * An internal host of the active-host inventory.
     *
     * @param ip       its address
     * @param lastSeen when it last opened an outbound connection, epoch millis
     */
    public record Host(String ip, long lastSeen) {
    }

    /** Rows over all tables. */
    public long rowCount() {
        return tables.stream().mapToLong(t -> t.rows().size()).sum();
    }
}
