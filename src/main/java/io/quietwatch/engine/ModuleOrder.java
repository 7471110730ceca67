package io.quietwatch.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Orders modules so that each comes after the modules it {@code uses}; reports unknown modules and
 * cycles as rule problems (line 1 of the file that declares the {@code uses}).
 */
final class ModuleOrder {
    private ModuleOrder() {
    }

    static <T> List<T> order(List<T> items, Function<T, String> name, Function<T, Set<String>> uses,
                             Function<T, String> display, List<RuleProblem> problems) {
        Map<String, T> byName = new LinkedHashMap<>();
        for (T item : items) {
            T clash = byName.putIfAbsent(name.apply(item), item);
            if (clash != null) {
                problems.add(new RuleProblem(display.apply(item), 1, 1,
                        "module '" + name.apply(item) + "' is also declared in " + display.apply(clash)));
            }
        }
        List<T> out = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 = visiting, 2 = done
        for (T item : byName.values()) {
            visit(item, byName, name, uses, display, problems, state, out, new ArrayList<>());
        }
        return out;
    }

    private static <T> boolean visit(T item, Map<String, T> byName, Function<T, String> name,
                                     Function<T, Set<String>> uses, Function<T, String> display,
                                     List<RuleProblem> problems, Map<String, Integer> state, List<T> out,
                                     List<String> trail) {
        String n = name.apply(item);
        Integer s = state.get(n);
        if (s != null && s == 2) {
            return true;
        }
        if (s != null) {
            List<String> cycle = new ArrayList<>(trail.subList(trail.indexOf(n), trail.size()));
            cycle.add(n);
            problems.add(new RuleProblem(display.apply(item), 1, 1, "modules use each other in a cycle: " + String.join(" -> ", cycle)));
            return false;
        }
        state.put(n, 1);
        trail.add(n);
        boolean ok = true;
        for (String dep : uses.apply(item)) {
            T target = byName.get(dep);
            if (target == null) {
                if (!dep.startsWith("quietwatch.system")) {
                    problems.add(new RuleProblem(display.apply(item), 1, 1, "uses module '" + dep + "', which no rule file declares"));
                    ok = false;
                }
                continue;
            }
            ok &= visit(target, byName, name, uses, display, problems, state, out, trail);
        }
        trail.remove(trail.size() - 1);
        state.put(n, 2);
        if (ok) {
            out.add(item);
        }
        return ok;
    }
}
