package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** FastPath reads what picocli reads, and leaves to picocli what it is not sure of. */
class FastPathTest {

    private static CommandLine.ParseResult picocli(String... args) {
        return DataLoadCommand.commandLine(args).parseArgs(args).subcommand();
    }

    private static Callable<Integer> fast(String... args) {
        return FastPath.parse(args, FastPath.standardStreams(args));
    }

    /** The options of picocli's model of the command, each with whether it takes a value, bar help and version. */
    private static Map<String, Boolean> modelOptions(String command) {
        Map<String, Boolean> options = new java.util.TreeMap<>();
        for (OptionSpec option : picocli(command, "--help").commandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            for (String name : option.names()) {
                options.put(name, option.arity().max() > 0);
            }
        }
        return options;
    }

    private static Map<String, Boolean> fastOptions(Set<String> specific) {
        Map<String, Boolean> options = new java.util.TreeMap<>();
        FastPath.FLAGS.forEach(name -> options.put(name, false));
        FastPath.COMMON.forEach(name -> options.put(name, true));
        specific.forEach(name -> options.put(name, true));
        return options;
    }

    @Test
    void theTablesAreThoseOfPicocli() {
        assertEquals(modelOptions("run"), fastOptions(FastPath.RUN));
        assertEquals(modelOptions("cli"), fastOptions(Set.of()));
        for (String wrapper : FastPath.WRAPPERS.keySet()) {
            assertEquals(modelOptions(wrapper), fastOptions(FastPath.WRAPPER), wrapper);
            assertEquals(FastPath.WRAPPERS.get(wrapper), picocli(wrapper).commandSpec().userObject().getClass());
        }
    }

    /** What a run command was given, as one comparable text. */
    private static String reading(Object command) {
        Map<String, Object> seen = new LinkedHashMap<>();
        if (command instanceof RunCommand run) {
            seen.put("resources", run.inputOptions.resources);
            seen.put("params", run.inputOptions.params.params);
            seen.put("directory", run.inputOptions.directory);
            seen.put("workDir", run.inputOptions.workDir());
            seen.put("file", run.target.actionFile);
            seen.put("action", run.target.action);
            seen.put("table", run.target.startingTable);
            seen.put("attempt", run.target.attempt);
            seen.put("db", run.database);
            seen.put("pool", run.pool);
            seen.put("sla", run.sla);
            session(seen, run.session);
        } else if (command instanceof CliCommand cli) {
            seen.put("args", cli.args);
            seen.put("params", cli.params.params);
            session(seen, cli.session);
        } else {
            WrapperCommand wrapper = (WrapperCommand) command;
            seen.put("type", wrapper.getClass().getSimpleName());
            seen.put("args", wrapper.args);
            seen.put("host", wrapper.host);
            seen.put("params", wrapper.params.params);
            session(seen, wrapper.session);
        }
        return seen.toString();
    }

    private static void session(Map<String, Object> seen, SessionOptions session) {
        seen.put("logDir", session.logDir);
        seen.put("state", session.state);
        seen.put("verbose", session.verbose);
        seen.put("quiet", session.quiet);
        seen.put("resume", session.resume);
        seen.put("output", session.output());
    }

    @Test
    void plainCommandLinesAreReadAsPicocliReadsThem() {
        List<String[]> lines = List.of(
                new String[] {"run", "a.json", "load"},
                new String[] {"run", "-q", "a.json", "exec"},
                new String[] {"run", "a.json", "load", "orders", "3", "--db", "postgres", "-r", "r.yml"},
                new String[] {"run", "--db=jdbc:duckdb:x.duckdb", "--pool=4", "a.json", "load", ""},
                new String[] {"run", "-C", "some dir", "-P", "day=2024-01-01", "--param", "x=a=b", "-P", "day=2", "a.json", "load"},
                new String[] {"run", "--param=empty=", "-v", "--resume", "--log-dir", "out", "--state", "jdbc:sqlite:s.db", "a.json", "load"},
                new String[] {"run", "--sla", "30m", "--debug", "--resources", "-", "a.json", "load", "-", "1"},
                new String[] {"run", "a.json", "load", "--verbose", "--quiet", "--directory", "/tmp"},
                new String[] {"postgres"},
                new String[] {"postgres", "r.yml", "a.json", "create"},
                new String[] {"mysql", "r.yml", "a.json", "load", "orders", "2", "-q", "--host", "db1"},
                new String[] {"redshift", "-P", "k=v", "r.yml", "a.json", "load", "", " 4 "},
                new String[] {"snowflake", "--log-dir=l", "r.yml", "a.json"},
                new String[] {"cli"},
                new String[] {"cli", "Checks.json", "2", "-P", "a=b", "--state", "s"});
        for (String[] line : lines) {
            Callable<Integer> fast = fast(line);
            assertNotNull(fast, String.join(" ", line));
            CommandLine.ParseResult picocli = picocli(line);
            assertEquals(reading(picocli.commandSpec().userObject()), reading(fast), String.join(" ", line));
            Invocation invocation = FastPath.standardStreams(line);
            assertEquals(picocli.originalArgs(), invocation.originalArgs(), String.join(" ", line));
        }
    }

    @Test
    void whatItIsNotSureOfGoesToPicocli() {
        List<String[]> lines = List.of(
                new String[] {"run"},
                new String[] {"run", "a.json"},
                new String[] {"run", "a.json", "load", "t", "1", "extra"},
                new String[] {"run", "--help"},
                new String[] {"run", "-h", "a.json", "load"},
                new String[] {"run", "-V"},
                new String[] {"run", "-vq", "a.json", "load"},
                new String[] {"run", "-rr.yml", "a.json", "load"},
                new String[] {"run", "@args.txt"},
                new String[] {"run", "--", "a.json", "load"},
                new String[] {"run", "a.json", "load", "t", "x"},
                new String[] {"run", "a.json", "load", "t", "-1"},
                new String[] {"run", "--pool", "many", "a.json", "load"},
                new String[] {"run", "-P", "novalue", "a.json", "load"},
                new String[] {"run", "-P", "=v", "a.json", "load"},
                new String[] {"run", "--db", "x", "--db", "y", "a.json", "load"},
                new String[] {"run", "--db", "--quiet", "a.json", "load"},
                new String[] {"run", "--db"},
                new String[] {"run", "--quiet=true", "a.json", "load"},
                new String[] {"run", "--host", "h", "a.json", "load"},
                new String[] {"run", "--no-such", "a.json", "load"},
                new String[] {"postgres", "--db", "x"},
                new String[] {"postgres", "r.yml", "a.json", "load", "t", "0"},
                new String[] {"postgres", "r.yml", "a.json", "load", "t", "one"},
                new String[] {"postgres", "a", "b", "c", "d", "1", "f"},
                new String[] {"validate", "a.json", "load"},
                new String[] {"cli", "a.json", "0"},
                new String[] {"cli", "a.json", "1", "x"},
                new String[] {"cli", "--host", "h"},
                new String[] {"cli", "--db", "x", "a.json"},
                new String[] {"--debug", "run", "a.json", "load"},
                new String[] {});
        for (String[] line : lines) {
            assertNull(fast(line), String.join(" ", line));
        }
    }

    @Test
    void everyOptionOfTheTablesIsCoveredAbove() {
        // a new option added to one of these commands must be added to FastPath's table (theTablesAreThoseOfPicocli)
        // and to a command line above
        Set<String> names = new TreeSet<>(fastOptions(FastPath.RUN).keySet());
        names.addAll(FastPath.WRAPPER);
        assertEquals(Set.of("--db", "--debug", "--directory", "--host", "--log-dir", "--param", "--pool", "--quiet",
                "--resources", "--resume", "--sla", "--state", "--verbose", "-C", "-P", "-q", "-r", "-v"), names);
    }
}
