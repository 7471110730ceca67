package io.quietwatch.engine;

import com.espertech.esper.common.client.hook.expr.EPLMethodInvocationContext;
import com.espertech.esper.common.internal.epl.table.core.TableInstance;
import com.espertech.esper.runtime.client.DeploymentStateEventDeployed;
import com.espertech.esper.runtime.client.DeploymentStateEventUndeployed;
import com.espertech.esper.runtime.client.DeploymentStateListener;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.internal.kernel.service.EPRuntimeSPI;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code tableRows('Name')}: the number of rows of a rule's table, for caps on per-key state
 * ({@code when not matched and tableRows('T') < t_max_rows then insert ...}). Esper 9 has no public
 * row count a statement can read cheaply (a {@code count(*)} subquery scans the table on every event),
 * so this reads the table instance's size through the runtime's internal services; the instance is
 * looked up once per name and looked up again after any module is deployed or undeployed (tables of a
 * redeployed module are new objects).
 */
public final class TableRows {
    private static final Map<String, TableRows> BY_RUNTIME = new ConcurrentHashMap<>();

    private final EPRuntime runtime;
    private final Map<String, TableInstance> instances = new ConcurrentHashMap<>();

    private TableRows(EPRuntime runtime) {
        this.runtime = runtime;
    }

    static void bind(EPRuntime runtime) {
        TableRows t = new TableRows(runtime);
        runtime.getDeploymentService().addDeploymentStateListener(new DeploymentStateListener() {
            @Override
            public void onDeployment(DeploymentStateEventDeployed event) {
                t.instances.clear();
            }

            @Override
            public void onUndeployment(DeploymentStateEventUndeployed event) {
                t.instances.clear();
            }
        });
        BY_RUNTIME.put(runtime.getURI(), t);
    }

    static void unbind(EPRuntime runtime) {
        BY_RUNTIME.remove(runtime.getURI());
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
