package io.quietwatch.engine;

import com.espertech.esper.common.client.hook.expr.EPLMethodInvocationContext;
import com.espertech.esper.common.internal.epl.table.core.TableInstance;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.internal.kernel.service.EPRuntimeSPI;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code tableRows('Name')}: the number of rows of a rule's table, for caps on per-key state
 * ({@code when not matched and tableRows('T') < t_max_rows then insert ...}). Esper 9 has no public
 * row count a statement can read cheaply (a {@code count(*)} subquery scans the table on every event),
 * so this reads the table instance's size through the runtime's internal services; the instance is
 * looked up once per name and looked up again after each deploy or reload ({@link #forget}).
 */
public final class TableRows {
    private static final Map<String, TableRows> BY_RUNTIME = new ConcurrentHashMap<>();

    private final EPRuntime runtime;
    private final Map<String, TableInstance> instances = new ConcurrentHashMap<>();

    private TableRows(EPRuntime runtime) {
        this.runtime = runtime;
    }

    static void bind(EPRuntime runtime) {
        BY_RUNTIME.put(runtime.getURI(), new TableRows(runtime));
    }

    static void unbind(EPRuntime runtime) {
        BY_RUNTIME.remove(runtime.getURI());
    }

    /** Drops the looked-up instances: tables of redeployed modules are new objects. */
    static void forget(EPRuntime runtime) {
        TableRows t = BY_RUNTIME.get(runtime.getURI());
        if (t != null) {
            t.instances.clear();
        }
    }

    /** {@code tableRows('Name')}: rows of the table, 0 if no deployed module declares it. */
    public static long tableRows(String name, EPLMethodInvocationContext ctx) {
        TableRows t = BY_RUNTIME.get(ctx.getRuntimeURI());
        if (t == null || name == null) {
            return 0;
        }
        TableInstance instance = t.instances.get(name);
        if (instance == null) {
            instance = t.find(name);
            if (instance == null) {
                return 0;
            }
            t.instances.put(name, instance);
        }
        return instance.size();
    }

    private TableInstance find(String name) {
        TableInstance[] found = new TableInstance[1];
        ((EPRuntimeSPI) runtime).getServicesContext().getTableManagementService().traverseTables((deployment, table) -> {
            if (name.equals(table.getName()) && found[0] == null) {
                found[0] = table.getTableInstanceNoContext();
            }
        });
        return found[0];
    }
}
