package io.quietwatch.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rule files a reload has to undeploy and deploy, worked out from file versions and the
 * dependencies between running modules, without touching Esper.
 *
 * <p>A file is <em>touched</em> when it is new, its text changed, or it was deleted. Every running
 * module that consumes something a touched module provides (a public named window, table, variable
 * or schema), directly or through others, is redeployed with it: Esper refuses to undeploy a module
 * others depend on. Everything else keeps running untouched, with its windows, tables and timers.
 *
 * @param added     files on disk that are not running
 * @param changed   running files whose text changed
 * @param removed   running files no longer on disk
 * @param undeploy  running files to undeploy, dependents before what they depend on
 * @param deploy    files to deploy, in dependency order
 */
public record ReloadPlan(List<String> added, List<String> changed, List<String> removed, List<String> undeploy,
                         List<String> deploy) {

    /**
     * One version of a rule file.
     *
     * @param file the file as displayed ({@code epl-rules/x.epl}), the key
     * @param hash the version (e.g. {@link RuleHashes#of})
     */
    public record Version(String file, String hash) {
    }

    /** True when nothing has to change. */
    public boolean isEmpty() {
        return undeploy.isEmpty() && deploy.isEmpty();
    }

    /**
     * @param running   the running files, in the order they were deployed
     * @param consumers for a running file, the running files that use something it provides
     * @param disk      the files on disk, in dependency order
     */
    public static ReloadPlan of(List<Version> running, Map<String, Set<String>> consumers, List<Version> disk) {
        Map<String, String> runningHash = new LinkedHashMap<>();
        running.forEach(v -> runningHash.put(v.file(), v.hash()));
        Map<String, String> diskHash = new LinkedHashMap<>();
        disk.forEach(v -> diskHash.put(v.file(), v.hash()));

        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        diskHash.forEach((file, hash) -> {
            String was = runningHash.get(file);
            if (was == null) {
                added.add(file);
            } else if (!was.equals(hash)) {
                changed.add(file);
            }
        });
        runningHash.keySet().stream().filter(f -> !diskHash.containsKey(f)).forEach(removed::add);

        Set<String> affected = new LinkedHashSet<>(changed);
        affected.addAll(removed);
        Deque<String> todo = new ArrayDeque<>(affected);
        while (!todo.isEmpty()) {
            for (String consumer : consumers.getOrDefault(todo.pop(), Set.of())) {
                if (runningHash.containsKey(consumer) && affected.add(consumer)) {
                    todo.push(consumer);
                }
            }
        }
        affected.addAll(added);

        List<String> undeploy = new ArrayList<>();
        for (int i = running.size() - 1; i >= 0; i--) {
            if (affected.contains(running.get(i).file())) {
                undeploy.add(running.get(i).file());
            }
        }
        List<String> deploy = disk.stream().map(Version::file).filter(affected::contains).toList();
        return new ReloadPlan(List.copyOf(added), List.copyOf(changed), List.copyOf(removed), List.copyOf(undeploy), deploy);
    }
}
