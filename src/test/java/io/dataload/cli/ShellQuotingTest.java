package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** #'key'# passes a value to the shell as one word; an unquoted -P value with metacharacters is warned about. */
class ShellQuotingTest {
    @TempDir
    Path dir;

    @Test
    void aQuotedValueCannotBreakOutOfTheCommand() throws IOException {
        Files.writeString(dir.resolve("say.sh"), "printf '%s\\n' #'name'# > said.txt");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"exec\": \"say.sh\"}}]}");
        CliRun run = CliRun.run(dir, "-P", "name=it's x; touch pwned", "a.json", "exec");
        assertEquals(0, run.exit(), run.all());
        assertEquals("it's x; touch pwned\n", Files.readString(dir.resolve("said.txt")));
        assertFalse(Files.exists(dir.resolve("pwned")));
    }

    @Test
    void theErrorTextCanBeQuotedInAHandler() throws IOException {
        Files.writeString(dir.resolve("fail.sh"), "echo \"it's \\\"bad\\\"; really\"; exit 1");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"exec\": \"fail.sh\"}}],"
                + " \"OnErrorNotification\": \"printf '%s' #'error'# > error.txt\"}");
        assertEquals(1, CliRun.run(dir, "a.json", "exec").exit());
        assertEquals("Command returned non-zero exit status 1. it's \"bad\"; really",
                Files.readString(dir.resolve("error.txt")));
    }

    @Test
    void anUnquotedRiskyParameterIsWarnedAbout() throws IOException {
        Files.writeString(dir.resolve("say.sh"), "echo #name# #'name'#");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"exec\": \"say.sh\"}}]}");
        CliRun validate = CliRun.of("validate", "-C", dir.toString(), "-P", "name=x;y", "a.json");
        assertEquals(0, validate.exit(), validate.all());
        assertEquals("say.sh:1:6: warning: the -P value of #name# holds shell metacharacters and goes unquoted into"
                + " a shell command; write #'name'# to pass it as one word\n", validate.err());
        assertTrue(CliRun.of("validate", "-C", dir.toString(), "-P", "name=plain", "a.json").err().isEmpty());
    }
}
