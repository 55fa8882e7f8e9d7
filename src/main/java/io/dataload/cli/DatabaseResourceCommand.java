package io.dataload.cli;

import io.dataload.aws.AwsException;
import io.dataload.aws.DbSettings;
import io.dataload.aws.Infrastructure;
import io.dataload.aws.Infrastructure.State;
import io.dataload.aws.SdkInfrastructure;
import io.dataload.config.ConfigException;
import io.dataload.config.Location;
import io.dataload.config.ResourceReader;
import io.dataload.config.Resources;
import io.dataload.config.Retry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rds} and {@code redshift-cluster}: create, delete, endpoint, status of the database the
 * resource file describes, waiting with progress until it is available (or gone).
 */
abstract class DatabaseResourceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "create, delete, endpoint or status")
    String action;

    @Parameters(index = "1", paramLabel = "RESOURCES.yml", arity = "0..1", defaultValue = WrapperCommand.DEFAULT_RESOURCES,
            description = "The resource file (default: ${DEFAULT-VALUE}).")
    String resources;

    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "30s", description = "How often to check while waiting.")
    String poll;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60m",
            description = "How long to wait at most before giving up (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--no-wait", description = "Do not wait for the database to become available or to go.")
    boolean noWait;

    /** The resource file's section ("RDS", "RedshiftCluster"). */
    abstract String section();

    abstract String identifierKey();

    abstract String noun();

    abstract DbSettings settings(Resources values, String identifier) throws ConfigException;

    abstract void create(Infrastructure aws, DbSettings settings);

    abstract void delete(Infrastructure aws, String identifier);

    abstract Optional<State> state(Infrastructure aws, String identifier);

    @Override
    public Integer call() throws InterruptedException {
        PrintWriterPair io = new PrintWriterPair(spec);
        try {
            Resources values = new ResourceReader().read(resources, Path.of(resources).toAbsolutePath());
            String identifier = values.get(section() + "." + identifierKey()).orElseThrow(() -> new ConfigException(
                    Location.file(Path.of(resources)), "missing " + section() + "." + identifierKey()));
            Duration interval = Retry.parseDuration(poll);
            if (interval == null) {
                throw new ConfigException(new Location("--poll", 0, 0), "\"" + poll + "\" is not a duration like 30s");
            }
            Duration limit = Retry.parseDuration(timeout);
            if (limit == null) {
                throw new ConfigException(new Location("--timeout", 0, 0), "\"" + timeout
                        + "\" is not a duration like 60m");
            }
            deadline = limit;
            Infrastructure aws = new SdkInfrastructure(values.get("Region").orElse(null));
            return run(aws, values, identifier, interval, io.out());
        } catch (ConfigException e) {
            return io.problems(e);
        } catch (AwsException e) {
            return io.aws(e);
        }
    }

    private Duration deadline;

    private int run(Infrastructure aws, Resources values, String identifier, Duration interval, PrintWriter out)
            throws InterruptedException, ConfigException {
        switch (action) {
            case "create" -> {
                create(aws, settings(values, identifier));
                out.println("creating " + noun() + " " + identifier);
                return noWait ? ExitCodes.SUCCESS : waitFor(aws, identifier, interval, out, true);
            }
            case "delete" -> {
                delete(aws, identifier);
                out.println("deleting " + noun() + " " + identifier);
                return noWait ? ExitCodes.SUCCESS : waitFor(aws, identifier, interval, out, false);
            }
            case "endpoint" -> {
                Optional<State> state = state(aws, identifier);
                if (state.isEmpty() || state.get().endpoint() == null) {
                    out.println(noun() + " " + identifier + (state.isEmpty() ? " does not exist" : " has no endpoint yet ("
                            + state.get().status() + ")"));
                    return ExitCodes.ACTION_FAILED;
                }
                out.println(state.get().endpoint().host() + ":" + state.get().endpoint().port());
                return ExitCodes.SUCCESS;
            }
            case "status" -> {
                out.println(noun() + " " + identifier + ": " + state(aws, identifier).map(State::status).orElse("does not exist"));
                return ExitCodes.SUCCESS;
            }
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "ACTION must be create, delete, endpoint or status, found \"" + action + "\"");
        }
    }

    /** Polls until available (or gone), printing each new status with the time waited. */
    private int waitFor(Infrastructure aws, String identifier, Duration interval, PrintWriter out, boolean untilAvailable)
            throws InterruptedException {
        long start = System.nanoTime();
        String last = null;
        while (true) {
            Optional<State> state = state(aws, identifier);
            String status = state.map(State::status).orElse("gone");
            if (!status.equals(last)) {
                out.printf("  %s after %ds%n", status, (System.nanoTime() - start) / 1_000_000_000L);
                out.flush();
                last = status;
            }
            if (!untilAvailable && state.isEmpty()) {
                return ExitCodes.SUCCESS;
            }
            if (untilAvailable && status.equals("available")) {
                State ready = state.get();
                out.println(noun() + " " + identifier + " is available at " + (ready.endpoint() == null ? "?"
                        : ready.endpoint().host() + ":" + ready.endpoint().port()));
                return ExitCodes.SUCCESS;
            }
            if (untilAvailable && (status.contains("fail") || status.equals("gone"))) {
                out.println(noun() + " " + identifier + " did not become available: " + status);
                return ExitCodes.ACTION_FAILED;
            }
            long waited = System.nanoTime() - start;
            if (waited >= deadline.toNanos()) {
                out.println(noun() + " " + identifier + " is still " + status + " after " + Retry.describe(deadline)
                        + "; stopped waiting (--timeout)");
                return ExitCodes.ACTION_FAILED;
            }
            Thread.sleep(Math.min(interval.toMillis(), Math.max(1, (deadline.toNanos() - waited) / 1_000_000)));
        }
    }

    /** A whole number from the resource file, or the fallback when absent; anything else is a problem of the file. */
    static int number(Resources values, String key, int fallback) throws ConfigException {
        java.util.Optional<String> text = values.get(key);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.get().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(new Location(values.displayPath(), 0, 0), key + " must be a whole number, found \""
                    + text.get() + "\"");
        }
    }
}
