package io.dataload.plan;

import io.dataload.config.ActionFile;
import io.dataload.config.ActionFileReader;
import io.dataload.config.ChainRun;
import io.dataload.config.ConfigException;
import io.dataload.config.Problem;
import io.dataload.config.Problems;
import io.dataload.config.ResourceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plans a run and, before anything runs, every run it may chain to ({@code {"run": ...}} in an
 * {@code OnSuccess…} value or an {@code OnError} item): each chained file is read and checked, and
 * a chain that leads back to a run already on its way is rejected.
 */
public final class ChainPlanner {
    private final Path workDir;
    private final Problems problems = new Problems();
    private final Planner planner;
    private final Map<String, Plan> planned = new HashMap<>();
    private final List<Step> path = new ArrayList<>();

    /** A run on the current chain path: which file (resolved) and action. */
    private record Step(Path file, String display, String action) {
        static Step of(Path workDir, String display, String action) {
            return new Step(workDir.resolve(display).toAbsolutePath().normalize(), display, action);
        }

        boolean sameRun(Step other) {
            return file.equals(other.file) && action.equals(other.action);
        }

        @Override
        public String toString() {
            return display + " " + action;
        }
    }

    public ChainPlanner(Path workDir) {
        this.workDir = workDir;
        this.planner = new Planner(workDir, problems);
    }

    /** What the checks found that runs but is probably not what was meant. */
    public List<Problem> warnings() {
        return problems.warnings();
    }

    public Plan plan(ActionFile file, String action, String startingTable, int attempt, PlaceholderResolver base)
            throws ConfigException {
        Plan plan = planTree(file, action, startingTable, attempt, base, false);
        problems.throwIfAny();
        return plan;
    }

    private Plan planTree(ActionFile file, String action, String table, int attempt, PlaceholderResolver base,
            boolean chained) {
        Step step = Step.of(workDir, file.displayPath(), action);
        String key = step.file() + "\0" + action + "\0" + table + "\0" + new TreeMap<>(base.runtime()) + "\0"
                + base.resources().hashCode();
        Plan known = planned.get(key);
        if (known != null) {
            return known;
        }
        Plan plan = planner.planOne(file, action, table, attempt, base, chained);
        path.add(step);
        Map<ChainRun, Plan> chains = new LinkedHashMap<>();
        for (ChainRun chain : plan.chainRuns()) {
            Plan target = planChain(chain, plan);
            if (target != null) {
                chains.put(chain, target);
            }
        }
        path.remove(path.size() - 1);
        Plan complete = plan.withChains(chains);
        planned.put(key, complete);
        return complete;
    }

    private Plan planChain(ChainRun chain, Plan from) {
        Map<String, String> builtins = Planner.builtins(from.fileBaseName(), from.action());
        PlaceholderResolver resolver = from.resolver();
        String file = resolver.apply(chain.file(), builtins);
        String action = resolver.apply(chain.action(), builtins);
        String table = chain.table() == null ? null : resolver.apply(chain.table(), builtins);
        Step step = Step.of(workDir, file, action);
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).sameRun(step)) {
                List<String> loop = new ArrayList<>(path.subList(i, path.size()).stream().map(Step::toString).toList());
                loop.add(step.toString());
                problems.add(chain.location(), "chain loops: " + String.join(" -> ", loop));
                return null;
            }
        }
        if (!Files.isRegularFile(workDir.resolve(file))) {
            problems.add(chain.location(), "chained run: file " + file + " not found"
                    + (Files.isDirectory(workDir.resolve(file)) ? " (it is a folder)" : ""));
            return null;
        }
        try {
            ActionFile target = new ActionFileReader().read(file, workDir.resolve(file));
            Map<String, String> runtime = new LinkedHashMap<>(resolver.runtime());
            chain.params().forEach((name, value) -> runtime.put(name, resolver.apply(value, builtins)));
            Map<String, String> resources = resolver.resources();
            if (chain.resources() != null) {
                String resourceFile = resolver.apply(chain.resources(), builtins);
                resources = new ResourceReader().read(resourceFile, workDir.resolve(resourceFile)).values();
            }
            return planTree(target, action, table, 1, resolver.withSources(resources, runtime), true);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
