package io.dataload.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code dataload} command. */
@Command(name = "dataload",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs the actions of JSON action files (the Python DataLoad format) against a database.")
public final class DataLoadCommand implements Runnable {

    /** The subcommands in the order help lists them. */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();
    /** The commands that run actions, whose start-up {@link Warmup} shortens. */
    private static final Set<String> RUNS = Set.of("run", "postgres", "mysql", "redshift", "snowflake", "cli", "demo", "schedule", "watch", "worker");

    @Spec
    CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = {"Debug logging of the drivers, the pool and the AWS SDK to stderr (secrets may appear"
                    + " in driver logs). For finer control set -Dlogback.configurationFile=FILE in DATALOAD_JAVA_OPTS."})
    boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command; one of: "
                + String.join(", ", SUBCOMMANDS.keySet()));
    }

    private static void listExitCodes(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCodes.DESCRIPTIONS);
        commandLine.getSubcommands().values().forEach(DataLoadCommand::listExitCodes);
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("run", RunCommand.class);
        commands.put("validate", ValidateCommand.class);
        commands.put("plan", PlanCommand.class);
        commands.put("demo", DemoCommand.class);
        commands.put("schedule", ScheduleCommand.class);
        commands.put("watch", WatchCommand.class);
        commands.put("submit", SubmitCommand.class);
        commands.put("worker", WorkerCommand.class);
        commands.put("history", HistoryCommand.class);
        commands.put("state", StateCommand.class);
        commands.put("report", ReportCommand.class);
        commands.put("graph", GraphCommand.class);
        commands.put("compact", CompactCommand.class);
        commands.put("lake", LakeCommand.class);
        commands.put("postgres", PostgresCommand.class);
        commands.put("mysql", MySqlCommand.class);
        commands.put("redshift", RedshiftCommand.class);
        commands.put("snowflake", SnowflakeCommand.class);
        commands.put("cli", CliCommand.class);
        commands.put("sns", SnsCommand.class);
        commands.put("sqs", SqsCommand.class);
        commands.put("rds", RdsCommand.class);
        commands.put("redshift-cluster", RedshiftClusterCommand.class);
        commands.put("vpc", VpcCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        commands.put("generate-completion", picocli.AutoComplete.GenerateCompletion.class);
        return commands;
    }

    /**
     * Makes the commands, their mixins and option collections, as picocli's default factory does, without
     * its first step: picocli's default factory looks for Groovy's {@code Closure} class when it is
     * initialized, and looking for a class that is not there opens every jar on the class path (the Snowflake
     * driver's and the AWS SDK's, in {@code lib/dataload-cloud.jar}, 40 ms) in every command.
     */
    static final class Factory implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            Object made;
            if (type == java.util.List.class || type == java.util.Collection.class) {
                made = new java.util.ArrayList<>();
            } else if (type == java.util.SortedSet.class || type == java.util.NavigableSet.class) {
                made = new java.util.TreeSet<>();
            } else if (type == Set.class) {
                made = new java.util.LinkedHashSet<>();
            } else if (type == java.util.Queue.class || type == java.util.Deque.class) {
                made = new java.util.ArrayDeque<>();
            } else if (type == java.util.SortedMap.class || type == java.util.NavigableMap.class) {
                made = new java.util.TreeMap<>();
            } else if (type == Map.class) {
                made = new LinkedHashMap<>();
            } else {
                java.lang.reflect.Constructor<K> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                return constructor.newInstance();
            }
            return type.cast(made);
        }
    }

    /** An exception no command expected: its stack trace, exit 3 (a missing cloud jar: one line saying so). */
    static int internalError(Exception exception, PrintWriter err) {
        String library = io.dataload.db.CloudJar.libraryOf(exception);
        if (library != null) {
            err.println("dataload: " + io.dataload.db.CloudJar.missing(library));
            err.flush();
            return ExitCodes.INTERNAL_ERROR;
        }
        err.println("dataload: internal error: " + exception);
        exception.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    /**
     * The command line's exit code when {@link FastPath} can read it (run, the database wrappers and cli, written
     * plainly), else null: picocli reads it.
     */
    static Integer runFast(String[] args, Invocation invocation) {
        java.util.concurrent.Callable<Integer> command = FastPath.parse(args, invocation);
        if (command == null) {
            return null;
        }
        Warmup.start(Warmup.engine(args), false);
        try {
            return command.call();
        } catch (Exception e) {
            return internalError(e, invocation.io().err());
        } finally {
            invocation.io().out().flush();
            invocation.io().err().flush();
        }
    }

    /**
     * The configured command line for these arguments: usage errors exit 2, unexpected exceptions 3.
     * When the first argument names a subcommand, only that one is built: picocli reads every
     * registered command's annotations up front, and a run should not pay for the AWS helpers' (help,
     * unknown commands and root options still see all of them, except {@code --version} alone, which
     * needs none). A command that runs actions starts the {@link Warmup} first.
     */
    public static CommandLine commandLine(String[] args) {
        String first = args.length == 0 ? null : args[0];
        if (first != null && RUNS.contains(first)) {
            Warmup.start(Warmup.engine(args));
        }
        CommandLine commandLine = new CommandLine(new DataLoadCommand(), new Factory());
        if (first != null && !first.equals("help") && !first.equals("generate-completion")
                && SUBCOMMANDS.containsKey(first)) {
            commandLine.addSubcommand(first, SUBCOMMANDS.get(first));
        } else if (args.length == 1 && (first.equals("--version") || first.equals("-V"))) {
            // the version alone needs no subcommand
        } else {
            SUBCOMMANDS.forEach(commandLine::addSubcommand);
        }
        listExitCodes(commandLine);
        // the command runs once the warm-up (if any) is done: no class is initialized by two threads at once
        commandLine.setExecutionStrategy(parseResult -> {
            Warmup.await();
            return new CommandLine.RunLast().execute(parseResult);
        });
        // a usage error is one line, a suggestion when there is one, and where help is: not the whole help
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine cmd = exception.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("dataload: " + exception.getMessage().replace("option option", "option"));
            if (exception instanceof CommandLine.UnmatchedArgumentException unmatched) {
                List<String> typed = unmatched.getUnmatched();
                String word = typed.isEmpty() ? "" : typed.get(0);
                List<String> suggestions = new java.util.ArrayList<>(unmatched.getSuggestions().stream()
                        // -v is verbose elsewhere: --version is not what was meant
                        .filter(s -> !(s.equals("--version") || s.equals("-V")) || word.startsWith("--v")).toList());
                if (suggestions.isEmpty() && cmd.getParent() == null && !word.startsWith("-")) {
                    io.dataload.config.Spelling.closest(word, new java.util.ArrayList<>(SUBCOMMANDS.keySet()))
                            .ifPresent(suggestions::add);
                }
                if (!suggestions.isEmpty()) {
                    err.println("Did you mean: " + String.join(" or ", suggestions.stream()
                            .map(s -> s.startsWith("-") ? s : cmd.getCommandSpec().qualifiedName() + " " + s).toList()) + "?");
                }
            }
            err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> internalError(exception, cmd.getErr()));
        return commandLine;
    }
}
