package io.dataload.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dataload.config.ActionFile;
import io.dataload.config.ActionFileReader;
import io.dataload.config.ErrorPolicy;
import io.dataload.config.ErrorPolicy.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorDeciderTest {
    @TempDir
    Path dir;
    private ErrorPolicy action;
    private ErrorPolicy table;
    private ErrorPolicy file;

    @BeforeEach
    void read() throws Exception {
        Files.writeString(dir.resolve("a.json"), """
                {"Tables": [{"name": "t",
                   "scripts": {"drop": {"file": "d.sql",
                                        "OnError": {"could not be read": ["cmd 1", "cmd 2", "Ignore"]}}},
                   "OnError": {"exist": ["Stop"], "timeout": ["Ignore"]}}],
                 "OnError": {"1051": ["Ignore"], "does not exist": ["Ignore"], "AnyOther": ["Stop", "Ignore"]}}
                """);
        ActionFile parsed = new ActionFileReader().read("a.json", dir.resolve("a.json"));
        action = parsed.tables().get(0).scripts().get("drop").onError();
        table = parsed.tables().get(0).onError();
        file = parsed.onError();
    }

    private String decide(String error, int attempt) {
        Decision decision = ErrorDecider.decide(error, attempt, action, table, file);
        return decision.key() + " -> " + decision.answer();
    }

    @Test
    void theActionLevelWinsAndEachAttemptTakesItsItem() {
        assertEquals("\"could not be read\" -> cmd 1", decide("file could not be read", 1));
        assertEquals("\"could not be read\" -> cmd 2", decide("file could not be read", 2));
        assertEquals("\"could not be read\" -> Ignore", decide("file could not be read", 3));
        assertEquals("\"could not be read\" (no answer for attempt 4) -> Stop", decide("file could not be read", 4));
    }

    @Test
    void theTableLevelComesNextWithKeysInFileOrder() {
        assertEquals("\"exist\" -> Stop", decide("1051 (42S02): table does not exist", 1));
        assertEquals("\"timeout\" -> Ignore", decide("timeout", 1));
    }

    @Test
    void theFileLevelFallsBackToAnyOther() {
        assertEquals("\"1051\" -> Ignore", decide("1051 (42S02): Unknown table 'x'", 1));
        assertEquals("AnyOther -> Stop", decide("syntax error", 1));
        assertEquals("AnyOther -> Ignore", decide("syntax error", 2));
        assertEquals("AnyOther (no answer for attempt 3) -> Stop", decide("syntax error", 3));
    }

    @Test
    void noLevelMeansStop() {
        assertEquals("no OnError rule -> Stop", ErrorDecider.decide("anything", 1, null, null, null).key()
                + " -> " + ErrorDecider.decide("anything", 1).answer());
    }
}
