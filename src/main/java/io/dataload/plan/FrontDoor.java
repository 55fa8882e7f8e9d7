package io.dataload.plan;

import io.dataload.config.ActionFile;
import io.dataload.config.ActionFileReader;
import io.dataload.config.ConfigException;
import io.dataload.config.Location;
import io.dataload.config.Problem;
import io.dataload.config.ResourceReader;
import io.dataload.config.Resources;
import io.dataload.config.SnowflakeSettings;
import io.dataload.config.TableEntry;
import io.dataload.db.Engine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one way a run request becomes a plan, for {@code run}, {@code plan}, {@code validate},
 * {@code --resume}, the wrappers and the demo alike: read the resource and action files, apply the
 * ATTEMPT rule, plan the action and every run it chains to. Problems and warnings are collected
 * together; nothing connects and nothing runs here.
 */
public final class FrontDoor {
    /** Where problems of the command line itself are reported. */
    public static final Location COMMAND_LINE = new Location("command line", 0, 0);

    private FrontDoor() {
    }

    /** Checks a request and plans its action. */
    public static CheckedRequest check(RunRequest request) {
        return check(request, List.of(request.action()));
    }

    /**
     * Checks a request for each of {@code actions} (validate checks every action of a file); the
     * plan returned is the first action's. An empty list means every action the file defines.
     */
    public static CheckedRequest check(RunRequest request, List<String> actions) {
        List<Problem> problems = new ArrayList<>();
        Set<Problem> warnings = new LinkedHashSet<>();
        if (request.attempt() < 1) {
            problems.add(new Problem(COMMAND_LINE, "ATTEMPT must be 1 or more, found " + request.attempt()));
        }
        request.params().forEach((key, value) -> {
            if (key.isBlank()) {
                problems.add(new Problem(COMMAND_LINE, "-P " + key + "=" + value + ": the key is empty (write -P KEY=VALUE)"));
            } else if (value == null || value.isEmpty()) {
                warnings.add(new Problem(COMMAND_LINE, "-P " + key + "= gives #" + key + "# an empty value"));
            }
        });
        if (request.pool() != null && request.pool() < 1) {
            problems.add(new Problem(COMMAND_LINE, "--pool must be 1 or more, found " + request.pool()));
        }
        Resources resources = Resources.none();
        ActionFile file = null;
        try {
            if (request.resourceFile() != null) {
                resources = new ResourceReader().read(request.resourceFile(),
                        request.workDir().resolve(request.resourceFile()));
            }
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (Engine.forOption(request.database()) == Engine.SNOWFLAKE && !request.database().startsWith("jdbc:")) {
            // --db snowflake, SnowflakeLoadT: the login comes from the resource file's Snowflake: section
            SnowflakeSettings.read(resources, problems);
        }
        ActionFileReader reader = new ActionFileReader();
        try {
            file = reader.read(request.actionFile(), request.workDir().resolve(request.actionFile()));
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        warnings.addAll(reader.warnings());
        Plan first = null;
        List<String> checked = file == null ? List.of() : actions.isEmpty() ? actionsOf(file) : actions;
        if (file != null) {
            for (String action : checked) {
                ChainPlanner planner = new ChainPlanner(request.workDir());
                Engine engine = Engine.forOption(request.database());
                PlaceholderResolver resolver = new PlaceholderResolver(List.of(), resources.values(), request.params(),
                        engine != null && engine.backslashEscapes());
                try {
                    Plan plan = planner.plan(file, action, request.startingTable(), Math.max(1, request.attempt()),
                            resolver);
                    first = first == null ? plan : first;
                } catch (ConfigException e) {
                    e.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
                }
                warnings.addAll(planner.warnings());
            }
        }
        return new CheckedRequest(request, resources, problems.isEmpty() ? first : null, checked, problems,
                List.copyOf(warnings));
    }

    /** Every action the file's entries define, in order of first appearance. */
    public static List<String> actionsOf(ActionFile file) {
        Set<String> actions = new LinkedHashSet<>();
        for (TableEntry entry : file.tables()) {
            actions.addAll(entry.scripts().keySet());
        }
        return List.copyOf(actions);
    }
}
