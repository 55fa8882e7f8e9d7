package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {
    @TempDir
    Path dir;

    @Test
    void drawsEntriesHandlersNotificationsAndChainedFilesWithoutRunningAnything() throws Exception {
        Files.writeString(dir.resolve("ok.sh"), "touch ran");
        Files.writeString(dir.resolve("load.sql"), "select 1;");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"first\", \"scripts\": {\"exec\": \"ok.sh\"}},"
                + " {\"name\": \"second\", \"scripts\": {\"exec\": {\"file\": \"ok.sh\", \"OnError\": {\"AnyOther\":"
                + " [{\"run\": {\"file\": \"b.json\", \"action\": \"load\"}}]}}}}],"
                + " \"OnSuccess\": {\"run\": {\"file\": \"b.json\", \"action\": \"load\"}},"
                + " \"OnErrorNotification\": [{\"slack\": {\"webhook\": \"#hook#\", \"text\": \"failed\", \"channel\": \"#etl\"}}]}");
        Files.writeString(dir.resolve("b.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"load\": \"load.sql\"}}],"
                + " \"OnSuccessNotification\": \"echo '#action# done'\"}");
        CliRun mermaid = CliRun.of("graph", "-C", dir.toString(), "-P", "hook=https://hooks.example/x", "a.json", "exec");
        assertEquals(0, mermaid.exit(), mermaid.all());
        String text = mermaid.out();
        assertTrue(text.startsWith("flowchart TD\n"), text);
        assertTrue(text.contains("a0_r0[[\"a.json · exec\"]]") && text.contains("a0_r1[[\"b.json · load\"]]"), text);
        assertTrue(text.contains("a0_r0 --> a0_r0e0") && text.contains("a0_r0e0 --> a0_r0e1"), "in order:\n" + text);
        assertTrue(text.contains("a0_r0 -->|OnSuccess| a0_r1"), text);
        assertTrue(text.contains("a0_r0e1 -->|OnError| a0_r1"), text);
        assertTrue(text.contains("-->|OnErrorNotification|") && text.contains("slack to #etl"), text);
        assertTrue(text.contains("$ echo '#action# done'"), text);
        assertTrue(!Files.exists(dir.resolve("ran")), "nothing ran");

        CliRun dot = CliRun.of("graph", "-C", dir.toString(), "-P", "hook=x", "--format", "dot", "a.json");
        assertEquals(0, dot.exit(), dot.all());
        assertTrue(dot.out().startsWith("digraph dataload {") && dot.out().strip().endsWith("}"), dot.out());
        assertTrue(dot.out().contains("a0_r0 -> a0_r1 [label=\"OnSuccess\"];"), dot.out());
        assertEquals(2, CliRun.of("graph", "-C", dir.toString(), "--format", "png", "a.json").exit());
    }
}
