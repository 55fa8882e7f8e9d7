package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus of broken inputs in src/test/resources/bad: each is refused with exit 2 and a single
 * problem line naming the file (then the summary), with no stack trace, and nothing runs (no
 * script, no log, no database file). The 50 MB file is made by the test rather than kept.
 */
class BadInputTest {
    @TempDir
    static Path dir;

    @BeforeEach
    void copyCorpus() throws IOException {
        if (Files.exists(dir.resolve("ok.json"))) {
            return;
        }
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/bad"))) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName().toString()));
            }
        }
        try (var out = Files.newOutputStream(dir.resolve("50-fifty-megabytes.json"))) {
            out.write("{\"Tables\": [".getBytes());
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 50; i++) {
                out.write(spaces);
            }
            out.write("]}".getBytes());
        }
    }

    @TestFactory
    List<DynamicTest> everyBadFileIsRefusedAndNothingRuns() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/bad"))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d\\d-.*\\.json")).sorted()
                    .forEach(names::add);
        }
        names.add("50-fifty-megabytes.json");
        assertTrue(names.size() >= 30, "at least 30 broken inputs: " + names);
        for (String name : names) {
            tests.add(DynamicTest.dynamicTest(name, () -> refused(name, "-P", "x=1", name, "exec")));
        }
        tests.add(DynamicTest.dynamicTest("bad-yaml.yml", () -> refused("bad-yaml.yml", "-r", "bad-yaml.yml", "ok.json", "exec")));
        tests.add(DynamicTest.dynamicTest("yaml-not-a-map.yml",
                () -> refused("yaml-not-a-map.yml", "-r", "yaml-not-a-map.yml", "ok.json", "exec")));
        tests.add(DynamicTest.dynamicTest("missing resource file",
                () -> refused("nowhere.yml", "-r", "nowhere.yml", "ok.json", "exec")));
        tests.add(DynamicTest.dynamicTest("missing action file", () -> refused("nowhere.json", "nowhere.json", "exec")));
        return tests;
    }

    private static void refused(String named, String... args) {
        CliRun run = CliRun.run(dir, args);
        List<String> lines = run.err().lines().toList();
        assertAll(named,
                () -> assertEquals(2, run.exit(), run.all()),
                () -> assertEquals(2, lines.size(), "one problem line and the summary:\n" + run.err()),
                () -> assertTrue(lines.get(0).startsWith(named) || lines.get(0).startsWith("undefined.sh")
                        || lines.get(0).startsWith("nowhere.json"), "names the file: " + lines.get(0)),
                () -> assertFalse(run.all().contains("Exception") || run.all().contains("\tat "), "no stack trace"),
                () -> assertEquals("", run.out()),
                () -> assertFalse(Files.exists(dir.resolve("ran")), "nothing ran"),
                () -> assertFalse(Files.exists(dir.resolve("logs")), "no log"),
                () -> assertFalse(Files.exists(dir.resolve("dataload.duckdb")), "no database"));
    }

}
