package io.dataload.cli;

import io.dataload.aws.AwsException;
import io.dataload.aws.AwsServices;
import io.dataload.aws.Endpoint;
import io.dataload.aws.SdkAwsServices;
import io.dataload.config.ConfigException;
import io.dataload.config.DatabaseSettings;
import io.dataload.config.Location;
import io.dataload.config.ResourceReader;
import io.dataload.config.Resources;
import io.dataload.db.DatabaseTarget;
import io.dataload.db.Engine;
import io.dataload.plan.RunRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The Python tool's per-database wrappers, with their positional command line
 * {@code RESOURCES.yml ACTIONS.json ACTION [STARTING_TABLE] [ATTEMPT]} and defaults
 * ({@code ProjectResources.yml}, {@code StagingArea.json}, {@code drop}, attempt 1). The
 * connection comes from {@link DatabaseSettings} (command line, resource file, environment); a
 * missing host is looked up in AWS by the instance or cluster identifier. The host is passed on as
 * {@code #host#}, as the Python wrappers did.
 */
abstract class WrapperCommand implements Callable<Integer> {
    static final String DEFAULT_RESOURCES = "ProjectResources.yml";
    static final String DEFAULT_ACTIONS = "StagingArea.json";
    static final String DEFAULT_ACTION = "drop";

    @Spec
    CommandSpec spec;

    /** Set by {@link FastPath}, which reads the command line without picocli; else from {@link #spec}. */
    Invocation invocation;

    @Parameters(arity = "0..5", paramLabel = "ARG",
            description = "RESOURCES.yml ACTIONS.json ACTION [STARTING_TABLE] [ATTEMPT], as the Python wrapper took them.")
    List<String> args = List.of();

    @Option(names = "--host", paramLabel = "HOST", description = "The database host, when the resource file has no Endpoint.")
    String host;

    @Mixin
    ParamsOption params;

    @Mixin
    SessionOptions session;

    /** The wrapper's name, used in the log file name as the Python tool did. */
    abstract String wrapper();

    /** The engine the wrapper connects to. */
    abstract Engine engine();

    /** The endpoint of the database named {@code identifier}, from AWS. */
    Endpoint lookup(AwsServices aws, String identifier) {
        return aws.rdsEndpoint(identifier);
    }

    /** Further runtime parameters the wrapper passes (the Redshift wrapper's temporary credentials). */
    Map<String, String> credentials(Resources values, AwsServices aws) {
        return new LinkedHashMap<>();
    }

    @Override
    public Integer call() {
        String resources = arg(0, DEFAULT_RESOURCES);
        String actions = arg(1, DEFAULT_ACTIONS);
        String action = arg(2, DEFAULT_ACTION);
        String table = args.size() > 3 ? args.get(3) : null;
        int attempt = attempt(arg(4, "1"));
        Path workDir = Path.of("").toAbsolutePath();
        PrintWriterPair io = invocation().io();
        Resources values;
        DatabaseSettings settings;
        Engine engine = engine();
        try {
            values = new ResourceReader().read(resources, workDir.resolve(resources));
            settings = DatabaseSettings.read(engine.section(), engine.environment(), values,
                    DatabaseTarget.environment(), host == null ? DatabaseSettings.NONE : DatabaseSettings.host(host));
        } catch (ConfigException e) {
            return io.problems(e);
        }
        Map<String, String> runtime = new LinkedHashMap<>(params.params);
        try {
            AwsServices aws = null;
            if (settings.host() == null) {
                if (settings.identifier() == null) {
                    return io.problems(new ConfigException(new Location(resources, 0, 0), "no database host: add "
                            + engine.section() + ".Endpoint or " + engine.section() + "."
                            + DatabaseSettings.identifierKey(engine.section())
                            + " (looked up in AWS) to the resource file, or give --host"));
                }
                aws = new SdkAwsServices(values.get("Region").orElse(null));
                Endpoint endpoint = lookup(aws, settings.identifier());
                settings = settings.at(endpoint.host(), endpoint.port());
            }
            credentials(values, aws).forEach(runtime::putIfAbsent);
        } catch (AwsException e) {
            return io.aws(e);
        }
        runtime.putIfAbsent("host", settings.host());
        return run(resources, actions, runtime, engine.url(settings));
    }

    /** Runs the positional command line's ACTION against {@code database} (a URL or an engine name). */
    Integer run(String resources, String actions, Map<String, String> runtime, String database) {
        RunRequest request = new RunRequest(wrapper(), "cli", Path.of("").toAbsolutePath(), resources, actions,
                arg(2, DEFAULT_ACTION), args.size() > 3 ? args.get(3) : null, attempt(arg(4, "1")), runtime, database,
                null, session.logDir, session.resume, invocation().originalArgs())
                .withState(session.state);
        return new RunConsole(invocation().io().out(), invocation().io().err(), session.output()).run(request);
    }

    Invocation invocation() {
        if (invocation == null) {
            invocation = Invocation.of(spec);
        }
        return invocation;
    }

    String arg(int index, String fallback) {
        return args.size() > index ? args.get(index) : fallback;
    }

    int attempt(String text) {
        return attempt(spec, text);
    }

    /** The wrappers' positional ATTEMPT: a whole number from 1, else a usage error (exit 2). */
    static int attempt(CommandSpec spec, String text) {
        try {
            int attempt = Integer.parseInt(text.trim());
            if (attempt >= 1) {
                return attempt;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "ATTEMPT must be a whole number from 1, found \"" + text + "\"");
    }
}
