package io.dataload.cli;

import io.dataload.config.ConfigException;
import io.dataload.config.ResourceReader;
import io.dataload.config.Resources;
import io.dataload.db.DatabaseTarget;
import io.dataload.demo.DemoDataGenerator;
import io.dataload.demo.DemoDatabase;
import io.dataload.demo.ReportTable;
import io.dataload.plan.RunRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dataload demo}: generates the Support DW sample data and builds the warehouse by running
 * the shipped action files (their chain does the rest), then prints the team-performance report.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Builds the Support DW demo warehouse from generated data and prints the team-performance report.",
            "Runs configs/<db>/Conditions.json (and with --incremental configs/<db>/Increment.json);",
            "the order of the pipeline is in those action files."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--state", paramLabel = "URL", description = "The run-history store (default: $DATALOAD_STATE, "
            + "else logs/dataload.db).")
    String state;

    @Option(names = "--db", paramLabel = "ENGINE", defaultValue = "duckdb",
            description = "duckdb (embedded, default), postgres or mysql (the local server, see configs/<db>/demo.yml), "
                    + "or snowflake (the account of -r FILE.yml's Snowflake: section; configs/snowflake/demo.yml names "
                    + "the local stand-in).")
    String engine;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "1",
            description = "Multiplies analysts, cases and logs (scale 1: about 200 analysts, 500 cases).")
    int scale;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "The generator's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--incremental", description = "Then load and merge the next period's increment, and report again.")
    boolean incremental;

    @Option(names = "--lake", paramLabel = "DIR", description = "After each load, export the warehouse's new and changed "
            + "rows to DIR/<table>/ as Parquet (configs/<db>/Lake.json: incremental extracts) and say which tables changed.")
    String lake;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "demo-data",
            description = "Where the sample data is generated (default: ${DEFAULT-VALUE} in the DataLoad folder; a folder "
                    + "you give is taken from where you are).")
    String data;

    @Option(names = {"-r", "--resources"}, paramLabel = "FILE.yml",
            description = "The resource file, taken from where you are (default: configs/<db>/demo.yml of the DataLoad "
                    + "folder, for the servers).")
    String resources;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR",
            description = "Work as if started in DIR, as for run: the DataLoad folder holding configs/ and sql/ "
                    + "(default: the current folder when it holds them, else the one next to the jar).")
    Path directory;

    @Option(names = {"-v", "--verbose"}, description = "Print each run's execution log and progress.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        if (!engine.matches("duckdb|postgres|mysql|snowflake")) {
            throw new ParameterException(spec.commandLine(), "--db must be duckdb, postgres, mysql or snowflake, found "
                    + engine);
        }
        if (scale < 1) {
            throw new ParameterException(spec.commandLine(), "--scale must be 1 or more, found " + scale);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path workDir = projectDir();
        if (workDir == null) {
            err.println("dataload: configs/" + engine + " not found in the current folder or next to the jar; "
                    + "run from the DataLoad folder or give -C DIR");
            return ExitCodes.BAD_INPUT;
        }
        // paths the user gives are read from where they stand (or -C DIR); the demo's own from its folder
        Path userDir = directory != null ? directory.toAbsolutePath().normalize() : Path.of("").toAbsolutePath();
        String resourceFile = resources != null ? userDir.resolve(resources).toString()
                : engine.equals("duckdb") ? null : "configs/" + engine + "/demo.yml";
        String dataPath = data.equals("demo-data") && !userDir.resolve(data).startsWith(workDir)
                ? workDir.resolve(data).toString() : userDir.resolve(data).toString();
        String url = engine.equals("snowflake") ? "snowflake" : null;
        if (engine.matches("postgres|mysql")) {
            try {
                Resources values = new ResourceReader().read(resourceFile, workDir.resolve(resourceFile));
                DemoDatabase database = DemoDatabase.of(engine, values, DatabaseTarget.environment());
                database.create();
                url = database.url();
                out.println("Demo database: " + database);
            } catch (ConfigException e) {
                e.problems().forEach(err::println);
                return ExitCodes.BAD_INPUT;
            } catch (SQLException e) {
                err.println("dataload: cannot reach the demo database: " + e.getMessage());
                return ExitCodes.ACTION_FAILED;
            }
        }
        Path dataDir = Path.of(dataPath);
        Map<String, Long> counts = new DemoDataGenerator(seed, scale).generate(dataDir);
        out.printf("Generated the sample data (scale %d, seed %d) in %s: %d analysts, %d cases, %d log lines%n",
                scale, seed, Shown.path(dataDir), counts.get("analysts_" + DemoDataGenerator.LAST_YEAR + ".csv"),
                counts.get("cases.csv"), counts.get("logs.csv"));
        String lakePath = lake == null ? null : userDir.resolve(lake).toString();
        int exit = runPipeline(workDir, resourceFile, url, dataPath, "Conditions.json", "initial load");
        if (exit == ExitCodes.SUCCESS && lakePath != null) {
            exit = exportToLake(workDir, resourceFile, url, lakePath);
        }
        if (exit == ExitCodes.SUCCESS && incremental) {
            exit = runPipeline(workDir, resourceFile, url, dataPath, "Increment.json", "after the increment");
            if (exit == ExitCodes.SUCCESS && lakePath != null) {
                exit = exportToLake(workDir, resourceFile, url, lakePath);
            }
        }
        return exit;
    }

    private int runPipeline(Path workDir, String resourceFile, String url, String dataPath, String file, String label)
            throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.println();
        out.println("Running configs/" + engine + "/" + file + " exec (" + label + ") ...");
        out.flush();
        RunRequest request = new RunRequest("dataload", "cli", workDir, resourceFile, "configs/" + engine + "/" + file,
                "exec", null, 1, Map.of("data", dataPath), url, null, "logs", false,
                spec.commandLine().getParseResult().originalArgs()).withState(state);
        int exit = new RunConsole(out, spec.commandLine().getErr(), new RunConsole.Output(verbose, !verbose, verbose))
                .run(request);
        if (exit != ExitCodes.SUCCESS) {
            spec.commandLine().getErr().println("dataload: the demo pipeline failed (exit " + exit
                    + "); see the log above or run with --verbose");
            return exit;
        }
        Path report = workDir.resolve("reports/team_performance_" + engine + ".csv");
        ReportTable.print(report, "Team performance on " + engine + " (" + label + "), " + Shown.path(report) + ":", out);
        return exit;
    }

    /** Runs configs/<db>/Lake.json extract into the lake and prints what its manifest says. */
    private int exportToLake(Path workDir, String resourceFile, String url, String lakePath) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        RunRequest request = new RunRequest("dataload", "cli", workDir, resourceFile, "configs/" + engine + "/Lake.json",
                "extract", null, 1, Map.of("lake", lakePath), url, null, "logs", false,
                spec.commandLine().getParseResult().originalArgs()).withState(state);
        int exit = new RunConsole(out, spec.commandLine().getErr(), new RunConsole.Output(verbose, !verbose, verbose))
                .run(request);
        if (exit != ExitCodes.SUCCESS) {
            spec.commandLine().getErr().println("dataload: the lake export failed (exit " + exit + ")");
            return exit;
        }
        Path manifest;
        try (var files = Files.list(Path.of(lakePath))) {
            manifest = files.filter(p -> p.getFileName().toString().matches("manifest_.*\\.json"))
                    .max(java.util.Comparator.comparing(p -> p.toFile().lastModified())).orElse(null);
        }
        if (manifest == null) {
            return exit;
        }
        var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.toFile());
        out.println("Lake export to " + Shown.path(Path.of(lakePath)) + " (" + manifest.getFileName() + "):");
        for (var written : body.path("written")) {
            out.println("  " + written.path("entry").asText() + ": " + written.path("rows").asLong() + " new or changed rows -> "
                    + Shown.path(Path.of(written.path("file").asText())));
        }
        List<String> unchanged = new java.util.ArrayList<>();
        body.path("unchanged").forEach(entry -> unchanged.add(entry.asText()));
        out.println("  no changes: " + (unchanged.isEmpty() ? "none" : String.join(", ", unchanged)));
        out.flush();
        return exit;
    }

    private Path projectDir() {
        if (directory != null) {
            return Files.isDirectory(directory.resolve("configs/" + engine)) ? directory.toAbsolutePath().normalize() : null;
        }
        Path here = Path.of("").toAbsolutePath();
        if (Files.isDirectory(here.resolve("configs/" + engine))) {
            return here;
        }
        try {
            Path jar = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path project = jar.getParent().getParent();
            return Files.isDirectory(project.resolve("configs/" + engine)) ? project : null;
        } catch (URISyntaxException | NullPointerException e) {
            return null;
        }
    }
}
