package io.dataload.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's conditions check stops a load whose source file is missing, before staging. */
class DemoConditionsIT {
    @TempDir
    Path dir;

    @Test
    void aMissingSourceFileStopsTheLoadWithItsName() throws Exception {
        DemoProject project = new DemoProject(dir);
        Files.createDirectories(dir.resolve("demo-data"));
        new DemoDataGenerator(42, 1).generate(dir.resolve("demo-data"));
        Files.delete(dir.resolve("demo-data/logs.csv"));
        CliRun run = CliRun.run(project.dir(), "-q", "-P", "data=demo-data", "configs/duckdb/Conditions.json", "exec");
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("failed after") && run.out().contains("missing source file demo-data/logs.csv"),
                run.out());
        assertTrue(run.out().contains("OnError AnyOther, attempt 1: Stop"), run.out());
        assertFalse(run.out().contains("StagingArea"), "nothing after the check ran");
        assertFalse(Files.exists(dir.resolve("dataload.duckdb")), "the database was not touched");
    }
}
