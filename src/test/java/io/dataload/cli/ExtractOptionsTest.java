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
                x.json:1:78: table "a": action "extract": "format" must be one of csv, jsonl, parquet, avro, found "xlsx"
                x.json:2:83: table "b": action "extract": incremental needs "columns": a list of one or more column names, the first a time or a growing number
                x.json:3:109: table "c": action "extract": incremental "lag" must be a duration like 30s or 5m
                x.json:4:75: table "d": action "load": "format" is an extract option
                dataload: 4 problems found; nothing was run.
                """, validate.err());
    }

    /** The lake options: an unknown codec, a codec of another format, a partition that is no column or function, a bad sla. */
    @Test
    void badCodecsPartitionsAndSlasAreFileLineErrors() throws Exception {
        Files.writeString(dir.resolve("q.sql"), "select 1 as a");
        Files.writeString(dir.resolve("x.json"), """
                {"Tables": [{"name": "a", "scripts": {"extract": {"file": "q.sql", "format": "avro", "compression": "lz4"}}},
                            {"name": "b", "scripts": {"extract": {"file": "q.sql", "format": "parquet", "compression": "deflate"}}},
                            {"name": "c", "scripts": {"extract": {"file": "q.sql", "format": "csv", "compression": "snappy"}}},
                            {"name": "d", "scripts": {"extract": {"file": "q.sql", "partition_by": ["week(at)", "a b", 3]}}},
                            {"name": "e", "scripts": {"extract": {"file": "q.sql", "partition_by": ["date", "date(at)"]}}},
                            {"name": "f", "scripts": {"extract": {"file": "q.sql", "partition_by": []}, "load": {"file": "q.sql", "sla": "soon"}}},
                            {"name": "g", "scripts": {"load": {"file": "q.sql", "compression": "gzip"}}}],
                 "sla": 30}
                """);
        CliRun validate = CliRun.of("validate", "-C", dir.toString(), "x.json");
        assertEquals(2, validate.exit());
        assertEquals("""
                x.json:1:101: table "a": action "extract": "compression" for avro must be one of none, snappy, zstd, deflate, found "lz4"
                x.json:2:104: table "b": action "extract": "compression" for parquet must be one of snappy, zstd, gzip, none, found "deflate" (Parquet's DEFLATE codec is called gzip)
                x.json:3:100: table "c": action "extract": "compression" for csv must be one of none, gzip, zstd, found "snappy"
                x.json:4:85: table "d": action "extract": "partition_by": unknown function "week" in "week(at)"; a partition is a column or one of date(column), year(column), month(column), day(column), hour(column)
                x.json:4:97: table "d": action "extract": "partition_by": "a b" is not a column name or one of date(column), year(column), month(column), day(column), hour(column)
                x.json:4:104: table "d": action "extract": "partition_by": a column name or date(column), found a number
                x.json:5:93: table "e": action "extract": "partition_by": "date(at)" and "date" would both be folders named date=
                x.json:6:84: table "f": action "extract": "partition_by" must be a list of columns like ["event", "date(at)"], found an empty list
                x.json:6:122: table "f": action "load": "sla" must be a duration like 30s, 30m or 2h, found "soon"
                x.json:7:80: table "g": action "load": "compression" is an extract option
                x.json:8:9: the file: "sla" must be a duration like 30s, 30m or 2h, found a number
                dataload: 11 problems found; nothing was run.
                """, validate.err());
    }
}
