package io.quietwatch.engine;

import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.common.client.soda.Assignment;
import com.espertech.esper.common.client.soda.EPStatementObjectModel;
import com.espertech.esper.common.client.soda.Expression;
import com.espertech.esper.common.client.soda.OnSetClause;
import com.espertech.esper.common.client.soda.PropertyValueExpression;
import com.espertech.esper.common.client.soda.RelationalOpExpression;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPRuntime;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables that rules assign at runtime with {@code on ... set name = ...} (e.g. the hour scan-trend
 * started observing): learnt state like a table's rows, so a snapshot keeps them. Variables only the config's
 * {@code rule_variables} set are left to the config.
 */
final class AssignedVariables {
    private static final Logger LOG = LogManager.getLogger(AssignedVariables.class);

    private AssignedVariables() {
    }

    /** The current value of each variable that a statement of {@code files} assigns. */
    static List<EngineState.Variable> read(EPRuntime runtime, Configuration configuration, List<RuleFile> files,
                                           Map<String, EPDeployment> deployments) {
        List<EngineState.Variable> out = new ArrayList<>();
        for (RuleFile f : files) {
            EPDeployment d = deployments.get(f.displayPath());
            if (d == null) {
                continue;
            }
            for (String name : assigned(f, configuration)) {
                if (f.variables().containsKey(name)) {
                    Object value = runtime.getVariableService().getVariableValue(d.getDeploymentId(), name);
                    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
                        out.add(new EngineState.Variable(f.displayPath(), name, value));
                    }
                }
            }
        }
        return out;
    }

    /** Sets the variables of a snapshot that the running version of their file still declares and assigns. */
    static void write(EPRuntime runtime, Configuration configuration, List<RuleFile> files, Map<String, EPDeployment> deployments,
                      List<EngineState.Variable> values) {
        for (RuleFile f : files) {
            EPDeployment d = deployments.get(f.displayPath());
            Set<String> assigned = d == null ? Set.of() : assigned(f, configuration);
            for (EngineState.Variable v : values) {
                if (!v.file().equals(f.displayPath())) {
                    continue;
                }
                if (!assigned.contains(v.name()) || !f.variables().containsKey(v.name())) {
                    LOG.warn("Restore of {}: variable {} is no longer assigned by the rules, its value is dropped", v.file(), v.name());
                    continue;
                }
                try {
                    Object current = runtime.getVariableService().getVariableValue(d.getDeploymentId(), v.name());
                    runtime.getVariableService().setVariableValue(d.getDeploymentId(), v.name(), convert(v.value(), current));
                } catch (RuntimeException e) {
                    LOG.warn("Restore of {}: variable {} keeps its declared value: {}", v.file(), v.name(), e.getMessage());
                }
            }
        }
    }

    /** A number read back from JSON as the variable's own type. */
    private static Object convert(Object value, Object current) {
        if (value instanceof Number n) {
            if (current instanceof Long) {
                return n.longValue();
            }
            if (current instanceof Integer) {
                return n.intValue();
            }
            if (current instanceof Double) {
                return n.doubleValue();
            }
        }
        return value;
    }

    /** Names on the left of {@code set ... = } in the file's {@code on ... set} statements. */
    private static Set<String> assigned(RuleFile f, Configuration configuration) {
        Set<String> out = new LinkedHashSet<>();
        for (EPStatementObjectModel model : ModuleModels.mentioning(f, "set", configuration)) {
            if (model.getOnExpr() instanceof OnSetClause set) {
                for (Assignment a : set.getAssignments()) {
                    Expression e = a.getValue();
                    if (e instanceof RelationalOpExpression r && "=".equals(r.getOperator())
                            && r.getChildren().get(0) instanceof PropertyValueExpression p) {
                        out.add(p.getPropertyName());
                    }
                }
            }
        }
        return out;
    }
}
