package io.dataload.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.config.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One front door: the same checks, warnings and ATTEMPT rule for every command. */
class FrontDoorTest {
    @TempDir
    Path dir;

    @Test
    void attemptZeroIsRejectedWithTheOtherProblemsAndWarnings() throws Exception {
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"a\", \"scirpts\": {}, "
                + "\"scripts\": {\"exec\": \"missing.sh\"}}]}");
        CheckedRequest checked = FrontDoor.check(RunRequest.of(dir, "a.json", "exec").from(null, 0));
        assertFalse(checked.valid());
        List<String> problems = checked.problems().stream().map(Problem::toString).toList();
        assertTrue(problems.contains("command line: ATTEMPT must be 1 or more, found 0"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("missing.sh not found")), problems.toString());
        assertTrue(checked.warnings().stream().anyMatch(w -> w.message().contains("scirpts")),
                checked.warnings().toString());
    }

    @Test
    void aChainedFileThatDoesNotExistIsReportedWhereItIsNamed() throws Exception {
        Files.writeString(dir.resolve("ok.sh"), "true");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"a\", \"scripts\": {\"exec\": \"ok.sh\"}}],\n"
                + " \"OnSuccess\": {\"run\": {\"file\": \"nope.json\", \"action\": \"load\"}}}");
        CheckedRequest checked = FrontDoor.check(RunRequest.of(dir, "a.json", "exec"));
        assertEquals(List.of("a.json:2:23: chained run: file nope.json not found"),
                checked.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aSchemaKeyAtTheTopIsForEditorsAndWarnsNowhereElse() throws Exception {
        Files.writeString(dir.resolve("ok.sh"), "true");
        Files.writeString(dir.resolve("a.json"), "{\"$schema\": \"./docs/action-file.schema.json\",\n"
                + " \"Tables\": [{\"name\": \"a\", \"scripts\": {\"exec\": {\"file\": \"ok.sh\", \"$schema\": \"x\"}}}]}");
        CheckedRequest checked = FrontDoor.check(RunRequest.of(dir, "a.json", "exec"));
        assertTrue(checked.valid(), checked.problems().toString());
        assertEquals(1, checked.warnings().size(), checked.warnings().toString());
        assertTrue(checked.warnings().get(0).toString().contains("a.json:2:"), checked.warnings().toString());
    }
}
