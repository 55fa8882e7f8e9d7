package io.dataload.plan;

import io.dataload.config.ActionFile;
import io.dataload.config.ActionSpec;
import io.dataload.config.Answer;
import io.dataload.config.ChainRun;
import io.dataload.config.Command;
import io.dataload.config.CopySpec;
import io.dataload.config.ErrorPolicy;
import io.dataload.config.ErrorRule;
import io.dataload.config.Foreach;
import io.dataload.config.Hook;
import io.dataload.config.Location;
import io.dataload.config.Mode;
import io.dataload.config.Notification;
import io.dataload.config.Placeholder;
import io.dataload.config.Problems;
import io.dataload.config.TableEntry;
import io.dataload.db.CopyJob;
import io.dataload.config.CsvDialect;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an action file and a request into a {@link Plan}, checking everything that can be checked
 * without a database: the action and starting table exist, every script file is readable, every
 * placeholder resolves, the extract options are valid. All problems are reported together.
 */
public final class Planner {
    private final Path workDir;
    private final Problems problems;

    public Planner(Path workDir, Problems problems) {
        this.workDir = workDir;
        this.problems = problems;
    }

    /** Plans one file's run (its chains are planned by {@link ChainPlanner}); problems are collected. */
    Plan planOne(ActionFile file, String action, String startingTable, int attempt, PlaceholderResolver base,
            boolean chained) {
        PlaceholderResolver resolver = base.withPlaceholders(file.placeholders());
        Location fileLocation = Location.file(Path.of(file.displayPath()));
        List<TableEntry> withAction = file.tables().stream().filter(t -> t.scripts().containsKey(action)).toList();
        if (withAction.isEmpty()) {
            Set<String> known = new LinkedHashSet<>();
            file.tables().forEach(t -> known.addAll(t.scripts().keySet()));
            problems.add(fileLocation, "no entry defines action \"" + action + "\""
                    + (known.isEmpty() ? "" : "; actions in this file: " + String.join(", ", known)));
        }
        List<TableEntry> selected = select(file, withAction, startingTable, fileLocation);
        checkPlaceholderItems(file.placeholders(), resolver);
        List<PlannedAction> actions = new ArrayList<>();
        for (TableEntry entry : selected) {
            PlannedAction planned = planAction(file, entry, entry.scripts().get(action), action, resolver);
            if (planned != null) {
                actions.add(planned.withSla(actionSla(file, entry.scripts().get(action), entry.name(), action)));
            }
            checkPolicy(entry.onError(), resolver, errorBuiltins(entry.name(), action));
            checkPolicy(entry.scripts().get(action).onError(), resolver, errorBuiltins(entry.name(), action));
            checkCommands(entry.scripts().get(action).onSuccess(), resolver, builtins(entry.name(), action));
        }
        String fileName = fileBaseName(file);
        checkPolicy(file.onError(), resolver, errorBuiltins(fileName, action));
        Map<String, String> fileBuiltins = builtins(fileName, action);
        List<HookGroup> afterSuccess = List.of(
                new HookGroup("OnSuccess" + action, file.onSuccessFor(action), fileBuiltins),
                new HookGroup("OnSuccess", file.onSuccess(), fileBuiltins),
                new HookGroup("OnSuccessNotification", file.onSuccessNotification(), fileBuiltins));
        afterSuccess.forEach(group -> checkCommands(group.hooks(), resolver, fileBuiltins));
        checkCommands(file.onErrorNotification(), resolver, errorBuiltins(fileName, action));
        HookGroup onErrorNotification = new HookGroup("OnErrorNotification", file.onErrorNotification(), Map.of());
        checkSlaHandlers(file, actions, resolver, fileBuiltins);
        // a file with OnSlaMiss and no sla of its own: the handlers of a run sla given from outside
        SlaPlan runSla = file.sla() == null ? null
                : new SlaPlan(file.sla().after(), new HookGroup("OnSlaMiss", file.sla().onMiss(), fileBuiltins));
        return new Plan(file.displayPath(), fileName, action, file.mode(), attempt, startingTable, actions, resolver,
                workDir, chained, afterSuccess, onErrorNotification, Map.of(), runSla);
    }

    private List<TableEntry> select(ActionFile file, List<TableEntry> withAction, String startingTable,
            Location fileLocation) {
        if (startingTable == null) {
            return withAction;
        }
        int index = -1;
        for (int i = 0; i < file.tables().size(); i++) {
            if (file.tables().get(i).name().equals(startingTable)) {
                index = i;
            }
        }
        if (index < 0) {
            problems.add(fileLocation, "starting table \"" + startingTable + "\" is not in \"Tables\"; entries: "
                    + String.join(", ", file.tables().stream().map(TableEntry::name).toList()));
            return List.of();
        }
        if (file.mode() == Mode.PARALLEL) {
            return withAction.stream().filter(t -> t.name().equals(startingTable)).toList();
        }
        List<TableEntry> fromStart = file.tables().subList(index, file.tables().size());
        return withAction.stream().filter(fromStart::contains).toList();
    }

    private PlannedAction planAction(ActionFile file, TableEntry entry, ActionSpec spec, String action,
            PlaceholderResolver resolver) {
        Map<String, String> plain = builtins(entry.name(), action);
        // in a foreach action #item# and #item.KEY# stand for each item's values: kept for when it runs
        Map<String, String> builtins = spec.foreach() == null ? plain : withItemKeys(plain);
        String label = "table \"" + entry.name() + "\": action \"" + action + "\": ";
        String template = null;
        if (spec.tableau() == null && spec.copy() == null) {
            problems.addAll(resolver.check(spec.file(), plain, spec.location(), false));
            String scriptDisplay = resolver.apply(spec.file(), plain);
            template = readScript(spec, scriptDisplay, label);
            if (template == null) {
                return null;
            }
        }
        PlannedAction planned = resolve(file, entry, spec, action, resolver, builtins, template, problems);
        if (planned == null || spec.foreach() == null) {
            return planned;
        }
        Foreach each = spec.foreach();
        problems.addAll(resolver.check(each.value(), plain, each.location(), false));
        String text = resolver.apply(each.value(), plain);
        Fanout.Source source = new Fanout.Source(each.kind(), each.kind().equals("files")
                ? workDir.resolve(text).toString() : text);
        String script = template;
        Fanout.ItemPlanner perItem = values -> {
            Map<String, String> itemBuiltins = new java.util.HashMap<>(plain);
            itemBuiltins.putAll(values);
            // checked when planned: what an item's resolution would find again is not collected
            return resolve(file, entry, spec, action, resolver, itemBuiltins, script, new Problems());
        };
        return planned.withFanout(new Fanout(source, each.concurrency(), perItem));
    }

    /** The built-ins of a foreach action while planning: #item# stays, and #item.KEY# is defined ({@link PlaceholderResolver#ITEM_KEYS}). */
    private static Map<String, String> withItemKeys(Map<String, String> builtins) {
        Map<String, String> with = new java.util.HashMap<>(builtins);
        with.put("item", "#item#");
        with.put(PlaceholderResolver.ITEM_KEYS, "");
        return with;
    }

    /** The script file's text, or null (a problem collected) when it cannot be read. */
    private String readScript(ActionSpec spec, String scriptDisplay, String label) {
        Path scriptPath = workDir.resolve(scriptDisplay);
        try {
            String template = Files.readString(scriptPath, StandardCharsets.UTF_8);
            // a byte-order mark from a Windows editor: PostgreSQL and MariaDB would read it as part of the SQL
            return template.startsWith("\uFEFF") ? template.substring(1) : template;
        } catch (NoSuchFileException e) {
            // name the folder it was looked for in: from another folder without -C it is not the one the user thinks
            problems.add(spec.location(), label + "file " + scriptDisplay + " not found"
                    + (Path.of(scriptDisplay).isAbsolute() ? "" : " in " + workDir.toAbsolutePath().normalize()));
        } catch (MalformedInputException e) {
            problems.add(spec.location(), label + "file " + scriptDisplay + " is not UTF-8 text");
        } catch (IOException e) {
            problems.add(spec.location(), label + "cannot read " + scriptDisplay + ": " + e.getMessage());
        }
        return null;
    }

    /**
     * The action with its texts resolved for {@code builtins}; what is wrong goes to {@code sink}.
     * {@code template} is the script's text (null for copy and tableau).
     */
    private PlannedAction resolve(ActionFile file, TableEntry entry, ActionSpec spec, String action,
            PlaceholderResolver resolver, Map<String, String> builtins, String template, Problems sink) {
        String label = "table \"" + entry.name() + "\": action \"" + action + "\": ";
        HookGroup onSuccess = new HookGroup("OnSuccess", spec.onSuccess(), builtins);
        OnErrorLevels onError = new OnErrorLevels(spec.onError(), entry.onError(), file.onError());
        if (spec.tableau() != null) {
            sink.addAll(TableauTargets.check(spec.tableau(), resolver, builtins));
            return new PlannedAction(entry.name(), ActionKind.TABLEAU, spec.tableau().toString(), "", spec.timeout(),
                    onSuccess, onError, TableauTargets.resolve(spec.tableau(), resolver, builtins));
        }
        if (spec.copy() != null) {
            CopySpec copy = spec.copy();
            sink.addAll(resolver.check(copy.from(), builtins, copy.location(), false));
            sink.addAll(resolver.check(copy.table(), builtins, copy.location(), false));
            String from = resolver.apply(copy.from(), builtins);
            CopyJob job = new CopyJob(workDir.resolve(from), resolver.apply(copy.table(), builtins), copy);
            // its data file is looked for when it runs, as an earlier step may write it
            return new PlannedAction(entry.name(), ActionKind.COPY, from, "", spec.timeout(), onSuccess, onError,
                    new PlannedAction.CopyInto(job));
        }
        String scriptDisplay = resolver.apply(spec.file(), builtins(entry.name(), action));
        sink.addAll(resolver.check(template, builtins, new Location(scriptDisplay, 1, 1), true));
        String script = resolver.apply(template, builtins);
        ActionKind kind = ActionKind.of(action);
        if (kind == ActionKind.EXEC && template.contains("\r\n")) {
            sink.warn(new Location(scriptDisplay, 1, 1), "the script has Windows (CRLF) line endings; /bin/sh "
                    + "reads each CR as part of a command and will fail (convert it, e.g. with dos2unix)");
        }
        (kind == ActionKind.EXEC ? resolver.unquotedInShell(template, new Location(scriptDisplay, 1, 1), true)
                : resolver.unquotedInSql(template, new Location(scriptDisplay, 1, 1), true))
                .forEach(w -> sink.warn(w.location(), w.message().substring("warning: ".length())));
        if (kind != ActionKind.EXTRACT) {
            if (script.isBlank()) {
                sink.add(spec.location(), label + "file " + scriptDisplay + " is empty");
            }
            return new PlannedAction(entry.name(), kind, scriptDisplay, script, spec.timeout(), onSuccess, onError,
                    new PlannedAction.ScriptOnly());
        }
        CsvDialect csv = null;
        try {
            csv = CsvDialect.fromOptions(spec.options());
        } catch (IllegalArgumentException e) {
            sink.add(spec.location(), label + e.getMessage());
        }
        String toFile = spec.options().getOrDefault("tofile", entry.name() + "_extract.csv");
        // the window's bounds and the run's id are known only when it runs: kept as they are for now
        Map<String, String> fileBuiltins = new java.util.HashMap<>(builtins);
        PlannedAction.ExtractTo.RUN_TIME_KEYS.forEach(key -> fileBuiltins.put(key, "#" + key + "#"));
        sink.addAll(resolver.check(toFile, fileBuiltins, spec.location(), false));
        if (spec.option("manifest") != null) {
            sink.addAll(resolver.check(spec.option("manifest"), fileBuiltins, spec.location(), false));
        }
        Path target = workDir.resolve(resolver.apply(toFile, fileBuiltins));
        return new PlannedAction(entry.name(), kind, scriptDisplay, script, spec.timeout(), onSuccess, onError,
                new PlannedAction.ExtractTo(csv, target, spec.output(), spec.incremental(),
                        spec.option("manifest") == null ? null
                                : workDir.resolve(resolver.apply(spec.option("manifest"), fileBuiltins)).toString()));
    }

    private void checkPlaceholderItems(List<Placeholder> items, PlaceholderResolver resolver) {
        for (Placeholder item : items) {
            problems.addAll(resolver.check(item.value(), Map.of("table_name", "", "action", ""), item.location(), false));
        }
    }

    private void checkPolicy(ErrorPolicy policy, PlaceholderResolver resolver, Map<String, String> builtins) {
        if (policy == null) {
            return;
        }
        List<List<Answer>> lists = new ArrayList<>();
        policy.rules().stream().map(ErrorRule::answers).forEach(lists::add);
        if (policy.anyOther() != null) {
            lists.add(policy.anyOther());
        }
        for (List<Answer> answers : lists) {
            for (Answer answer : answers) {
                checkAnswer(answer, resolver, builtins);
            }
        }
    }

    private void checkCommands(List<Hook> hooks, PlaceholderResolver resolver, Map<String, String> builtins) {
        for (Hook hook : hooks) {
            checkAnswer(hook, resolver, builtins);
        }
    }

    private void checkAnswer(Object answer, PlaceholderResolver resolver, Map<String, String> builtins) {
        if (answer instanceof Command command) {
            problems.addAll(resolver.check(command.text(), builtins, command.location(), false));
            resolver.unquotedInShell(command.text(), command.location(), false)
                    .forEach(w -> problems.warn(w.location(), w.message().substring("warning: ".length())));
        } else if (answer instanceof io.dataload.config.TableauRefresh refresh) {
            problems.addAll(TableauTargets.check(refresh, resolver, builtins));
        } else if (answer instanceof Notification notification) {
            for (String text : notification.fields().values()) {
                problems.addAll(resolver.check(text, builtins, notification.location(), false));
            }
        } else if (answer instanceof ChainRun chain) {
            List<String> texts = new ArrayList<>(chain.params().values());
            texts.add(chain.file());
            texts.add(chain.action());
            texts.add(chain.table());
            texts.add(chain.resources());
            for (String text : texts) {
                problems.addAll(resolver.check(text, builtins, chain.location(), false));
            }
        }
    }

    /**
     * An action's own sla, its handlers its own {@code OnSlaMiss} or else the file's. Handlers may use
     * {@code #table_name#}, {@code #action#}, {@code #sla#} and {@code #elapsed#}.
     */
    private static SlaPlan actionSla(ActionFile file, ActionSpec spec, String entry, String action) {
        if (spec.sla() == null || spec.sla().after() == null) {
            return null;
        }
        List<Hook> handlers = !spec.sla().onMiss().isEmpty() || file.sla() == null ? spec.sla().onMiss()
                : file.sla().onMiss();
        return new SlaPlan(spec.sla().after(), new HookGroup("OnSlaMiss", handlers, slaBuiltins(entry, action)));
    }

    public static Map<String, String> slaBuiltins(String tableName, String action) {
        return Map.of("table_name", tableName, "action", action, "sla", "", "elapsed", "");
    }

    /** The handlers of every sla of the file: placeholders known, commands quoted. */
    private void checkSlaHandlers(ActionFile file, List<PlannedAction> actions, PlaceholderResolver resolver,
            Map<String, String> fileBuiltins) {
        Map<String, String> builtins = slaBuiltins(fileBuiltins.get("table_name"), fileBuiltins.get("action"));
        if (file.sla() != null) {
            checkCommands(file.sla().onMiss(), resolver, builtins);
        }
        for (TableEntry entry : file.tables()) {
            for (ActionSpec spec : entry.scripts().values()) {
                if (spec.sla() != null) {
                    checkCommands(spec.sla().onMiss(), resolver, builtins);
                }
            }
        }
    }

    public static Map<String, String> builtins(String tableName, String action) {
        return Map.of("table_name", tableName, "action", action);
    }

    public static Map<String, String> errorBuiltins(String tableName, String action) {
        return Map.of("table_name", tableName, "action", action, "error", "");
    }

    /** What {@code #table_name#} means in file-level handlers: the action file's name without .json. */
    public static String fileBaseName(ActionFile file) {
        String name = Path.of(file.displayPath()).getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }
}
