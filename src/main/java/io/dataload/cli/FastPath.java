package io.dataload.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Reads the plain command lines of {@code run}, of the database wrappers and of {@code cli} (the commands cron runs)
 * without picocli, which takes about 90 ms of a 0.4 s run to initialize itself and read the commands'
 * annotations (bench/README.md). It takes only what it is sure of: the options of these commands, each
 * as {@code --name value}, {@code --name=value} or {@code -x value}, and the positional arguments.
 * Anything else — help, {@code --version}, an unknown or clustered option, {@code @file}s, {@code --},
 * a value that is not a number where one is wanted, too many or too few arguments — goes to picocli,
 * which stays the definition of the commands and says what is wrong. {@code FastPathTest} holds this
 * table against picocli's model of each command and compares the two readings of many command lines.
 */
final class FastPath {
    /** The options every one of these commands has: the session's, -P and the root's --debug. */
    static final Set<String> FLAGS = Set.of("-v", "--verbose", "-q", "--quiet", "--resume", "--debug");
    static final Set<String> COMMON = Set.of("-P", "--param", "--log-dir", "--state");
    static final Set<String> RUN = Set.of("-r", "--resources", "-C", "--directory", "--db", "--pool", "--sla");
    static final Set<String> WRAPPER = Set.of("--host");
    static final Map<String, Class<? extends WrapperCommand>> WRAPPERS = Map.of("postgres", PostgresCommand.class,
            "mysql", MySqlCommand.class, "redshift", RedshiftCommand.class, "snowflake", SnowflakeCommand.class);

    private FastPath() {
    }

    /** The command these arguments make, ready to call, or null when picocli must read them. */
    static Callable<Integer> parse(String[] args, Invocation invocation) {
        if (args.length == 0) {
            return null;
        }
        String name = args[0];
        if (name.equals("run")) {
            return run(args, invocation);
        }
        if (name.equals("cli")) {
            return cli(args, invocation);
        }
        Class<? extends WrapperCommand> wrapper = WRAPPERS.get(name);
        return wrapper == null ? null : wrapper(wrapper, args, invocation);
    }

    /** Options and positional arguments, or null when anything is not plain. */
    private record Words(Map<String, List<String>> options, Set<String> flags, List<String> positionals,
            List<String> params) {
    }

    private static Words words(String[] args, Set<String> valued) {
        Map<String, List<String>> options = new java.util.HashMap<>();
        Set<String> flags = new java.util.HashSet<>();
        List<String> positionals = new ArrayList<>();
        List<String> params = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String word = args[i];
            if (word.startsWith("@")) {
                return null; // picocli reads argument files
            }
            if (!word.startsWith("-") || word.equals("-")) {
                positionals.add(word);
                continue;
            }
            String value = null;
            String option = word;
            int equals = word.indexOf('=');
            if (word.startsWith("--") && equals > 0) {
                option = word.substring(0, equals);
                value = word.substring(equals + 1);
            }
            if (FLAGS.contains(option) && value == null) {
                flags.add(option);
            } else if (valued.contains(option)) {
                if (value == null) {
                    if (i + 1 == args.length) {
                        return null;
                    }
                    value = args[++i];
                    if (value.startsWith("-") && (FLAGS.contains(value) || valued.contains(value)
                            || value.equals("-h") || value.equals("--help") || value.equals("-V") || value.equals("--version"))) {
                        return null; // picocli decides whether an option name is a value
                    }
                }
                if (option.equals("-P") || option.equals("--param")) {
                    params.add(value); // in command-line order, under either name
                } else {
                    options.computeIfAbsent(option, o -> new ArrayList<>()).add(value);
                }
            } else {
                return null;
            }
        }
        return new Words(options, flags, positionals, params);
    }

    /** The last value of the option under either of its names (picocli: a single-valued option given twice is an error). */
    private static String single(Words words, String shortName, String longName) {
        List<String> a = shortName == null ? null : words.options.get(shortName);
        List<String> b = words.options.get(longName);
        int count = (a == null ? 0 : a.size()) + (b == null ? 0 : b.size());
        if (count > 1) {
            throw new NotPlain();
        }
        return a != null ? a.get(0) : b != null ? b.get(0) : null;
    }

    private static boolean flag(Words words, String shortName, String longName) {
        return words.flags.contains(longName) || (shortName != null && words.flags.contains(shortName));
    }

    /** The -P values, or NotPlain when one has no key (picocli's message then). */
    private static Map<String, String> params(Words words) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String value : words.params) {
            int equals = value.indexOf('=');
            if (equals <= 0) {
                throw new NotPlain();
            }
            params.put(value.substring(0, equals), value.substring(equals + 1));
        }
        return params;
    }

    /** The wrappers' positional ATTEMPT at {@code index}, if given, is a whole number from 1 (else picocli says so). */
    private static boolean attemptAt(Words words, int index) {
        return words.positionals.size() <= index || Integer.parseInt(words.positionals.get(index).trim()) >= 1;
    }

    private static ParamsOption paramsOption(Words words) {
        ParamsOption option = new ParamsOption();
        option.params.putAll(params(words));
        return option;
    }

    private static SessionOptions session(Words words) {
        SessionOptions session = new SessionOptions();
        String logDir = single(words, null, "--log-dir");
        session.logDir = logDir == null ? "logs" : logDir;
        session.state = single(words, null, "--state");
        session.verbose = flag(words, "-v", "--verbose");
        session.quiet = flag(words, "-q", "--quiet");
        session.resume = flag(words, null, "--resume");
        return session;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new java.util.HashSet<>(a);
        both.addAll(b);
        return both;
    }

    private static Callable<Integer> run(String[] args, Invocation invocation) {
        Words words = words(args, union(COMMON, RUN));
        if (words == null || words.positionals.size() < 2 || words.positionals.size() > 4) {
            return null;
        }
        try {
            RunCommand command = new RunCommand();
            command.invocation = invocation;
            command.inputOptions = new InputOptions();
            command.inputOptions.resources = single(words, "-r", "--resources");
            command.inputOptions.params = paramsOption(words);
            String directory = single(words, "-C", "--directory");
            command.inputOptions.directory = directory == null ? null : Path.of(directory);
            command.target = new TargetArguments();
            command.target.actionFile = words.positionals.get(0);
            command.target.action = words.positionals.get(1);
            command.target.startingTable = words.positionals.size() > 2 ? words.positionals.get(2) : null;
            command.target.attempt = words.positionals.size() > 3 ? Integer.parseInt(words.positionals.get(3)) : 1;
            command.database = single(words, null, "--db");
            String pool = single(words, null, "--pool");
            command.pool = pool == null ? null : Integer.valueOf(pool);
            command.sla = single(words, null, "--sla");
            command.session = session(words);
            return command;
        } catch (NotPlain | NumberFormatException | InvalidPathException e) {
            return null;
        }
    }

    private static Callable<Integer> wrapper(Class<? extends WrapperCommand> type, String[] args, Invocation invocation) {
        Words words = words(args, union(COMMON, WRAPPER));
        if (words == null || words.positionals.size() > 5) {
            return null;
        }
        try {
            if (!attemptAt(words, 4)) {
                return null;
            }
            WrapperCommand command = type.getDeclaredConstructor().newInstance();
            command.invocation = invocation;
            command.args = List.copyOf(words.positionals);
            command.host = single(words, null, "--host");
            command.params = paramsOption(words);
            command.session = session(words);
            return command;
        } catch (NotPlain | NumberFormatException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Callable<Integer> cli(String[] args, Invocation invocation) {
        Words words = words(args, COMMON);
        if (words == null || words.positionals.size() > 2) {
            return null;
        }
        try {
            if (!attemptAt(words, 1)) {
                return null;
            }
            CliCommand command = new CliCommand();
            command.invocation = invocation;
            command.args = List.copyOf(words.positionals);
            command.params = paramsOption(words);
            command.session = session(words);
            return command;
        } catch (NotPlain | NumberFormatException e) {
            return null;
        }
    }

    /** Standard output and error as picocli makes them (its encodings, auto-flushed). */
    static Invocation standardStreams(String[] args) {
        return new Invocation(new PrintWriterPair(writer(System.out, "sun.stdout.encoding"),
                writer(System.err, "sun.stderr.encoding")), List.of(args));
    }

    private static PrintWriter writer(OutputStream stream, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty);
        Charset charset = encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }

    /** Something picocli reads differently or reports. */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }
}
