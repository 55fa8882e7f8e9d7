package io.dataload.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo started from another folder: the folder given with --data is made where the user
 * stands (not inside the DataLoad folder), and every path printed is one the user can open from there.
 */
class DemoFromElsewhereIT {
    @TempDir
    Path elsewhere;

    @Test
    void pathsGivenAreReadFromWhereTheUserIsAndPrintedPathsWorkFromThere() throws Exception {
        Process demo = new ProcessBuilder(Path.of("bin/dataload").toAbsolutePath().toString(), "demo", "--data", "mydata")
                .directory(elsewhere.toFile()).redirectErrorStream(true).start();
        String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, demo.waitFor(), output);
        assertTrue(Files.isRegularFile(elsewhere.resolve("mydata/cases.csv")), "the data is where the user is");
        assertTrue(output.contains("in mydata:"), output);
        String log = output.lines().filter(l -> l.startsWith("Log saved to ")).findFirst().orElseThrow()
                .substring("Log saved to ".length());
        assertTrue(Path.of(log).isAbsolute() && Files.isRegularFile(Path.of(log)), "an openable path: " + log);
        String report = output.lines().filter(l -> l.startsWith("Team performance on duckdb")).findFirst().orElseThrow();
        String reportPath = report.substring(report.indexOf("), ") + 3, report.length() - 1);
        assertTrue(Files.isRegularFile(Path.of(reportPath)), "an openable path: " + reportPath);
    }
}
