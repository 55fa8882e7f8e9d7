package io.dataload.plan;

import io.dataload.config.ChainRun;
import io.dataload.config.Mode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked run: which entries run the action, in what mode, how placeholders resolve, the
 * handlers that run after all entries succeed or when one fails, the plans of the runs it may
 * chain to, and the run's sla (null: none). Everything the run needs is here; the action file itself is not.
 */
public record Plan(
        String filePath,
        String fileBaseName,
        String action,
        Mode mode,
        int attempt,
        String startingTable,
        List<PlannedAction> actions,
        PlaceholderResolver resolver,
        Path workDir,
        boolean chained,
        List<HookGroup> afterSuccess,
        HookGroup onErrorNotification,
        Map<ChainRun, Plan> chains,
        SlaPlan sla) {

    /** The same plan with the plans of the runs it may chain to. */
    public Plan withChains(Map<ChainRun, Plan> plans) {
        return new Plan(filePath, fileBaseName, action, mode, attempt, startingTable, actions, resolver, workDir, chained,
                afterSuccess, onErrorNotification, Map.copyOf(plans), sla);
    }

    /** The same plan running only the named entries (for --resume), in their order. */
    public Plan onlyEntries(Set<String> names) {
        List<PlannedAction> kept = actions.stream().filter(a -> names.contains(a.name())).toList();
        return new Plan(filePath, fileBaseName, action, mode, attempt, startingTable, kept, resolver, workDir, chained,
                afterSuccess, onErrorNotification, chains, sla);
    }

    /** The same plan with the whole run's sla (a schedule job's, which wins over the file's); null: none. */
    public Plan withSla(SlaPlan runSla) {
        return new Plan(filePath, fileBaseName, action, mode, attempt, startingTable, actions, resolver, workDir, chained,
                afterSuccess, onErrorNotification, chains, runSla);
    }

    /**
     * Every value a run of this plan (and its chains) may insert: resource keys, runtime parameters
     * and Placeholders items, by name, for {@link io.dataload.record.SecretMasker}.
     */
    public List<Map<String, String>> placeholderValues() {
        List<Map<String, String>> sources = new ArrayList<>();
        for (Plan reachable : reachable()) {
            sources.add(reachable.resolver().resources());
            sources.add(reachable.resolver().runtime());
            Map<String, String> items = new HashMap<>();
            reachable.resolver().placeholders().forEach(p -> items.put(p.name(), p.value()));
            sources.add(items);
        }
        return sources;
    }

    /**
     * This plan and every plan it may chain to, each once. Plans are told apart by identity (the chain planner
     * makes one plan per file, action and parameters): a record's equals and hashCode would compare whole plans,
     * and their first use spins method-handle classes, 25 ms of every run's start.
     */
    public List<Plan> reachable() {
        Set<Plan> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Plan> all = new ArrayList<>();
        Deque<Plan> todo = new ArrayDeque<>(List.of(this));
        while (!todo.isEmpty()) {
            Plan next = todo.pop();
            if (seen.add(next)) {
                all.add(next);
                todo.addAll(next.chains().values());
            }
        }
        return all;
    }

    /** How an entry is named in the log: chained runs prefix the action file's name. */
    public String entryLabel(String entry) {
        return chained ? fileBaseName + "/" + entry : entry;
    }

    /** Every run this plan may chain to: from its handlers and its error policies. */
    public List<ChainRun> chainRuns() {
        List<Object> items = new ArrayList<>();
        afterSuccess.forEach(group -> items.addAll(group.hooks()));
        items.addAll(onErrorNotification.hooks());
        for (PlannedAction planned : actions) {
            items.addAll(planned.onSuccess().hooks());
            items.addAll(planned.onError().answers());
        }
        return items.stream().filter(ChainRun.class::isInstance).map(ChainRun.class::cast).distinct().toList();
    }

    /** Whether any action needs a database connection. */
    public boolean needsDatabase() {
        return actions.stream().anyMatch(a -> a.kind().needsConnection()
                || (a.fanout() != null && a.fanout().source().kind().equals("query")));
    }

    /**
     * The connections a run uses when --pool does not say: one per entry in parallel mode (the
     * Python wrappers' rule), one in sequential mode; a fan-out on the database gets its
     * concurrency (and one more for a query listing its items).
     */
    public int defaultPoolSize() {
        int entries = mode == Mode.PARALLEL ? Math.max(1, actions.size()) : 1;
        int fanout = 1;
        for (PlannedAction action : actions) {
            if (action.target() instanceof PlannedAction.CopyInto copy) {
                // a large copy may load in parallel streams, a connection each (opened only when used)
                Integer parallel = copy.job().format().parallel();
                fanout = Math.max(fanout, parallel != null ? parallel : 4);
            }
            if (action.fanout() != null) {
                boolean query = action.fanout().source().kind().equals("query");
                int width = action.kind().needsConnection() ? action.fanout().concurrency() : 0;
                fanout = Math.max(fanout, width + (query ? 1 : 0));
            }
        }
        return Math.max(entries, fanout);
    }
}
