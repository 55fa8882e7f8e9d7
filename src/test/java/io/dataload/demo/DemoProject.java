package io.dataload.demo;

import io.dataload.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A copy of the shipped configs/ and sql/ in a test folder, where the demo runs as a user runs it. */
final class DemoProject {
    private final Path dir;

    DemoProject(Path dir) throws IOException {
        this.dir = dir;
        for (String tree : List.of("configs", "sql")) {
            Path source = Path.of(tree);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = dir.resolve(file.toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        }
    }

    Path dir() {
        return dir;
    }

    /**
     * Runs {@code dataload demo -C dir ARGS}; for a server, {@code database} names a fresh database (for
     * Snowflake, the stand-in's endpoint).
     */
    CliRun demo(String engine, String database, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("demo", "-C", dir.toString(), "--db", engine));
        if (database != null) {
            String resources = "demo-it-" + engine + ".yml";
            Files.writeString(dir.resolve(resources), Files.readString(dir.resolve("configs/" + engine + "/demo.yml"))
                    .replace("dataload_demo", database).replace("http://127.0.0.1:8085", database));
            all.addAll(List.of("-r", resources));
        }
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    String report(String engine) throws IOException {
        return Files.readString(dir.resolve("reports/team_performance_" + engine + ".csv"));
    }
}
