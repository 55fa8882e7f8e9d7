package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new extract options are checked before anything runs: file:line errors, exit 2. */
class ExtractOptionsTest {
    @TempDir
    Path dir;

    @Test
    void badFormatsAndWindowsAreFileLineErrors() throws Exception {
        Files.writeString(dir.resolve("q.sql"), "select 1 as a");
        Files.writeString(dir.resolve("x.json"), """
                {"Tables": [{"name": "a", "scripts": {"extract": {"file": "q.sql", "format": "xlsx"}}},
                            {"name": "b", "scripts": {"extract": {"file": "q.sql", "incremental": {"lag": "5m"}}}},
                            {"name": "c", "scripts": {"extract": {"file": "q.sql", "incremental": {"columns": ["a"], "lag": "soon"}}}},
                            {"name": "d", "scripts": {"load": {"file": "q.sql", "format": "jsonl"}}}]}
                """);
        CliRun validate = CliRun.of("validate", "-C", dir.toString(), "x.json");
        assertEquals(2, validate.exit());
        assertEquals("""
                x.json:1:78: table "a": action "extract": "format" must be one of csv, jsonl, parquet, found "xlsx"
                x.json:2:83: table "b": action "extract": incremental needs "columns": a list of one or more column names, the first a time or a growing number
                x.json:3:109: table "c": action "extract": incremental "lag" must be a duration like 30s or 5m
                x.json:4:75: table "d": action "load": "format" is an extract option
                dataload: 4 problems found; nothing was run.
                """, validate.err());
    }
}
