package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files from Windows editors: a byte-order mark is not content, and CRLF in a shell script is named. */
class WindowsFilesTest {
    @TempDir
    Path dir;

    @Test
    void aByteOrderMarkInAnActionFileOrAScriptIsNotContent() throws Exception {
        Files.writeString(dir.resolve("a.sql"), "\uFEFFcreate table bom (i int);\ninsert into bom values (1);");
        Files.writeString(dir.resolve("a.json"), "\uFEFF{\"Tables\": [{\"name\": \"bom\", \"scripts\": {\"load\": \"a.sql\"}}]}");
        CliRun validate = CliRun.of("validate", "-C", dir.toString(), "a.json");
        assertEquals(0, validate.exit(), validate.all());
        CliRun plan = CliRun.of("plan", "-v", "-C", dir.toString(), "a.json", "load");
        assertTrue(plan.out().contains("| create table bom (i int);") && !plan.out().contains("\uFEFF"), plan.out());
        CliRun run = CliRun.run(dir, "-q", "a.json", "load");
        assertEquals(0, run.exit(), run.all());
    }

    @Test
    void aShellScriptWithCrlfLineEndsIsNamedBeforeAndWhenItFails() throws Exception {
        Files.writeString(dir.resolve("s.sh"), "if true; then\r\n  echo x\r\nfi\r\n");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"s\", \"scripts\": {\"exec\": \"s.sh\"}}]}");
        CliRun validate = CliRun.of("validate", "-C", dir.toString(), "a.json");
        assertEquals(0, validate.exit(), validate.all());
        assertTrue(validate.err().contains("s.sh:1:1: warning: the script has Windows (CRLF) line endings"), validate.all());
        CliRun run = CliRun.run(dir, "-q", "a.json", "exec");
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("the script has Windows CRLF line endings"), run.out());
    }
}
