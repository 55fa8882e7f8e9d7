package io.dataload.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.execute.LocalServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of an incremental extract: no data file under the target's name, the
 * watermark has not moved, and the next run writes the file a clean run writes, byte for byte.
 */
class ExtractKillIT {
    @TempDir
    Path dir;

    @BeforeEach
    void table() throws Exception {
        LocalServers.postgres("drop table if exists dl_extract_kill_it",
                "create table dl_extract_kill_it (updated_at timestamp, id int, payload text)",
                "insert into dl_extract_kill_it select timestamp '2026-01-01' + i * interval '1 second', i,"
                        + " repeat('x', 50) from generate_series(1, 20000) i");
    }

    @AfterEach
    void drop() throws Exception {
        try (Connection connection = DriverManager.getConnection(LocalServers.POSTGRES);
                Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists dl_extract_kill_it");
        }
    }

    private Process extract(String sleep) throws Exception {
        // each row waits a little while #sleep# is set, so that the kill lands in the middle of the extract
        Files.writeString(dir.resolve("q.sql"), "select updated_at, id, payload from dl_extract_kill_it"
                + " where pg_sleep(#sleep#) is not null");
        return new ProcessBuilder(Path.of("bin/dataload").toAbsolutePath().toString(), "run", "-q", "--db",
                LocalServers.POSTGRES, "-P", "sleep=" + sleep, "x.json", "extract").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
    }

    @Test
    void aKilledExtractLeavesNoFileAndNoWatermarkAndTheNextRunWritesTheSameBytes() throws Exception {
        Files.writeString(dir.resolve("x.json"), "{\"Tables\": [{\"name\": \"events\", \"scripts\": {\"extract\": {"
                + "\"file\": \"q.sql\", \"format\": \"jsonl\", \"tofile\": \"lake/events_#extract_from#.jsonl\","
                + " \"incremental\": {\"columns\": [\"updated_at\", \"id\"]}}}}]}");
        Process killed = extract("0.0002");
        Path part = dir.resolve("lake/.events_beginning.jsonl.part");
        for (int i = 0; i < 400 && !(Files.exists(part) && Files.size(part) > 0); i++) {
            Thread.sleep(25);
        }
        assertTrue(Files.exists(part), "the extract is writing: " + Files.readString(dir.resolve("out.txt")));
        assertEquals(0, new ProcessBuilder("kill", "-9", String.valueOf(killed.pid())).start().waitFor());
        assertTrue(killed.waitFor(10, TimeUnit.SECONDS));
        assertTrue(!Files.exists(dir.resolve("lake/events_beginning.jsonl")), "no data file under its name");
        String state = new String(new ProcessBuilder(Path.of("bin/dataload").toAbsolutePath().toString(), "state", "show",
                "x.json", "events", "extract").directory(dir.toFile()).redirectErrorStream(true).start()
                .getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(state.contains("No watermark"), state);

        assertEquals(0, extract("0").waitFor(), Files.readString(dir.resolve("out.txt")));
        byte[] afterKill = Files.readAllBytes(dir.resolve("lake/events_beginning.jsonl"));
        assertEquals(20000, new String(afterKill, StandardCharsets.UTF_8).lines().count());
        assertTrue(!Files.exists(part), "the next run replaced the leftover part");
        // a clean run of the same window, from the start again
        Process reset = new ProcessBuilder(Path.of("bin/dataload").toAbsolutePath().toString(), "state", "reset",
                "x.json", "events", "extract").directory(dir.toFile()).start();
        assertEquals(0, reset.waitFor());
        Files.delete(dir.resolve("lake/events_beginning.jsonl"));
        assertEquals(0, extract("0").waitFor());
        assertArrayEquals(afterKill, Files.readAllBytes(dir.resolve("lake/events_beginning.jsonl")), "byte-identical");
    }
}
