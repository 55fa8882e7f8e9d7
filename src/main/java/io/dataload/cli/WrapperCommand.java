package io.dataload.cli;

import io.dataload.aws.AwsException;
import io.dataload.aws.AwsServices;
import io.dataload.aws.Endpoint;
import io.dataload.aws.SdkAwsServices;
import io.dataload.config.ConfigException;
import io.dataload.config.Location;
import io.dataload.config.ResourceReader;
import io.dataload.config.Resources;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The Python tool's per-database wrappers, with their positional command line
 * {@code RESOURCES.yml ACTIONS.json ACTION [STARTING_TABLE] [ATTEMPT]} and defaults
 * ({@code ProjectResources.yml}, {@code StagingArea.json}, {@code drop}, attempt 1). The
 * connection comes from the resource file's section of the database (the user and password as
 * {@link io.dataload.db.DatabaseTarget} finds them); its host is passed on as {@code #host#}.
 */
abstract class WrapperCommand implements Callable<Integer> {
    static final String DEFAULT_RESOURCES = "ProjectResources.yml";
    static final String DEFAULT_ACTIONS = "StagingArea.json";
    static final String DEFAULT_ACTION = "drop";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..5", paramLabel = "ARG",
            description = "RESOURCES.yml ACTIONS.json ACTION [STARTING_TABLE] [ATTEMPT], as the Python wrapper took them.")
    List<String> args = List.of();

    @Option(names = "--host", paramLabel = "HOST", description = "The database host, when the resource file has no Endpoint.")
    String host;

    @Option(names = {"-P", "--param"}, paramLabel = "KEY=VALUE", description = "A further runtime parameter #KEY#.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--log-dir", paramLabel = "DIR", defaultValue = "logs", description = "Where the log is saved.")
    String logDir;

    @Option(names = {"-v", "--verbose"}, description = "Also print the resolved SQL and commands (secrets masked).")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Do not print progress while running.")
    boolean quiet;

    @Option(names = "--resume", description = "Run again only what failed or never ran in the last run of this file and action.")
    boolean resume;

    /** The wrapper's name, used in the log file name as the Python tool did. */
    abstract String wrapper();

    /** The resource file's section of this database ("RDS", "RedshiftCluster"). */
    abstract String section();

    /** The JDBC URL for host, port and database. */
    abstract String url(String host, String port, String database);

    abstract String defaultPort();

    /** The resource key naming the AWS resource whose endpoint is looked up ("DBInstanceIdentifier"). */
    String identifierKey() {
        return "DBInstanceIdentifier";
    }

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
        String table = args.size() > 3 && !args.get(3).isEmpty() ? args.get(3) : null;
        int attempt = attempt(arg(4, "1"));
        Path workDir = Path.of("").toAbsolutePath();
        PrintWriterPair io = new PrintWriterPair(spec);
        Resources values;
        try {
            values = new ResourceReader().read(resources, workDir.resolve(resources));
        } catch (ConfigException e) {
            return io.problems(e);
        }
        String resolvedHost = endpoint(values).orElse(host);
        String port = values.get(section() + ".Port").orElse(defaultPort());
        Map<String, String> runtime = new LinkedHashMap<>(params);
        try {
            AwsServices aws = null;
            if (resolvedHost == null) {
                String identifier = values.get(section() + "." + identifierKey()).orElse(null);
                if (identifier == null) {
                    return io.problems(new ConfigException(new Location(resources, 0, 0), "no database host: add "
                            + section() + ".Endpoint or " + section() + "." + identifierKey()
                            + " (looked up in AWS) to the resource file, or give --host"));
                }
                aws = new SdkAwsServices(values.get("Region").orElse(null));
                Endpoint endpoint = lookup(aws, identifier);
                resolvedHost = endpoint.host();
                port = String.valueOf(endpoint.port());
            }
            Map<String, String> extra = credentials(values, aws);
            extra.forEach(runtime::putIfAbsent);
        } catch (AwsException e) {
            return io.failed(e.getMessage());
        }
        String database = values.get(section() + ".DBName").orElse("");
        runtime.putIfAbsent("host", resolvedHost);
        String url = url(resolvedHost, port, database);
        RunOptions options = new RunOptions(wrapper(), workDir, actions, action, table, attempt, resources, runtime, url,
                null, logDir, verbose, quiet, true, resume);
        return new RunLauncher(spec.commandLine().getOut(), spec.commandLine().getErr()).launch(options);
    }

    private Optional<String> endpoint(Resources values) {
        for (String key : List.of("Endpoint", "Endpoint.Address", "Host")) {
            Optional<String> value = values.get(section() + "." + key);
            if (value.isPresent() && !value.get().isBlank()) {
                return value;
            }
        }
        return Optional.empty();
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
