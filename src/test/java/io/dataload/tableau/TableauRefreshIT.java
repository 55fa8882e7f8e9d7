package io.dataload.tableau;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
import io.dataload.standin.tableau.TableauStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tableau action against a local stand-in of Tableau's REST API: one sign-in per run shared by
 * parallel refreshes, progress lines, a failed or cancelled job or the deadline failing the action, a
 * refresh already queued (409093) followed instead of failing, and each way it cannot start named.
 */
class TableauRefreshIT {
    private static final String SECRET = "pat-Secret-value-1";
    @TempDir
    Path dir;
    private TableauStandIn tableau;

    @BeforeEach
    void start() throws Exception {
        tableau = new TableauStandIn("mysite", "dataload", SECRET).datasource("mydatasource", "myproject")
                .datasource("orders", "myproject").datasource("orders", "other").workbook("sales", "myproject");
        resources(SECRET);
    }

    @AfterEach
    void stop() {
        tableau.close();
    }

    private void resources(String secret) throws Exception {
        Files.writeString(dir.resolve("res.yml"), "Tableau:\n  Server: " + tableau.url() + "\n  Site: mysite\n"
                + "  TokenName: dataload\n  TokenSecret: " + secret + "\n");
    }

    private void actions(String mode, String... refreshes) throws Exception {
        StringBuilder tables = new StringBuilder();
        for (int i = 0; i < refreshes.length; i++) {
            tables.append(i == 0 ? "" : ",").append("{\"name\": \"r").append(i).append("\", \"scripts\": {\"refresh\": ")
                    .append("{\"tableau\": {\"server\": \"#Tableau.Server#\", \"site\": \"#Tableau.Site#\", ")
                    .append(refreshes[i]).append(", \"poll\": \"50ms\"}}}}");
        }
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [" + tables + "], \"Mode\": \"" + mode + "\"}");
    }

    private CliRun run() {
        return CliRun.run(dir, "-r", "res.yml", "a.json", "refresh");
    }

    @Test
    void parallelRefreshesShareOneSignInAndWaitForTheirJobs() throws Exception {
        actions("Parallel", "\"project\": \"myproject\", \"datasource\": \"mydatasource\"",
                "\"project\": \"myproject\", \"datasource\": \"orders\"", "\"project\": \"myproject\", \"workbook\": \"sales\"");
        tableau.jobsEnd(0, 3);
        CliRun run = run();
        assertEquals(0, run.exit(), run.all());
        assertEquals(1, tableau.signIns(), "one session for the run: a second sign-in would end the first");
        assertEquals(3, tableau.requests("POST", "/refresh").size());
        assertEquals(1, tableau.requests("POST", "/workbooks/").size());
        assertEquals(1, tableau.requests("POST", "/auth/signout").size(), "signed out at the end");
        assertTrue(run.out().contains("job ") && run.out().contains(": 33%") && run.out().contains("refresh of mydatasource finished"),
                run.out());
        assertFalse(run.all().contains(SECRET), "the token secret is never printed");
        assertFalse(run.all().contains("\"dataload\""), "nor its name (Tableau.TokenName is masked too)");
        assertTrue(tableau.requests().stream().allMatch(r -> r.path().equals("/auth/signin") || r.auth() != null));
    }

    @Test
    void aFailedOrCancelledJobOrTheDeadlineFailsTheAction() throws Exception {
        actions("Sequential", "\"project\": \"myproject\", \"datasource\": \"mydatasource\"");
        tableau.jobsEnd(1, 2);
        CliRun failed = run();
        assertEquals(1, failed.exit(), failed.all());
        assertTrue(failed.out().contains(": tableau datasource mydatasource: the refresh job ")
                && failed.out().contains(" of mydatasource failed: Unable to connect to the server \"mydb\""), failed.out());
        tableau.jobsEnd(2, 1);
        CliRun cancelled = run();
        assertTrue(cancelled.exit() == 1 && cancelled.out().contains("was cancelled"), cancelled.out());
        tableau.jobsEnd(0, 1000);
        actions("Sequential", "\"project\": \"myproject\", \"datasource\": \"mydatasource\", \"wait\": \"300ms\"");
        CliRun late = run();
        assertEquals(1, late.exit(), late.all());
        assertTrue(late.out().contains(" of mydatasource is still running after 300ms"), late.out());
    }

    @Test
    void aRefreshAlreadyQueuedIsFollowedInsteadOfFailing() throws Exception {
        String running = tableau.alreadyRunning("mydatasource", 3);
        actions("Sequential", "\"project\": \"myproject\", \"datasource\": \"mydatasource\"");
        CliRun run = run();
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().contains("a refresh of mydatasource was already queued (409093): following job " + running),
                run.out());
    }

    @Test
    void whatCannotBeFoundOrSignedIntoFailsWithTheNamesItLookedFor() throws Exception {
        actions("Sequential", "\"project\": \"myproject\", \"datasource\": \"nosuch\"");
        CliRun missing = run();
        assertEquals(1, missing.exit(), missing.all());
        assertTrue(missing.out().contains("data source \"nosuch\" not found in project \"myproject\" on " + tableau.url()
                + " site mysite"), missing.out());
        actions("Sequential", "\"project\": \"sales\", \"datasource\": \"orders\"");
        CliRun elsewhere = run();
        assertTrue(elsewhere.out().contains("data source \"orders\" not found in project \"sales\" on " + tableau.url()
                + " site mysite (there is one of that name in project myproject, other)"), elsewhere.out());
        actions("Sequential", "\"datasource\": \"orders\"");
        CliRun ambiguous = run();
        assertTrue(ambiguous.out().contains("2 data sources are named \"orders\""), ambiguous.out());
        resources("not-the-secret");
        actions("Sequential", "\"project\": \"myproject\", \"datasource\": \"mydatasource\"");
        CliRun refused = run();
        assertEquals(1, refused.exit(), refused.all());
        assertTrue(refused.out().contains("sign-in to " + tableau.url() + " site mysite with token \"****\" refused: "
                + "401001 Signin Error: Error signing in to Tableau Server"), refused.out());
    }

    @Test
    void badTableauValuesAreFileLineErrorsAndNothingRuns() throws Exception {
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"r\", \"scripts\": {\"refresh\": {\"tableau\":"
                + " {\"server\": \"#Tableau.Server#\", \"project\": \"p\", \"wait\": \"soon\"}}}},\n"
                + " {\"name\": \"s\", \"scripts\": {\"refresh\": {\"tableau\": {\"server\": \"x\", \"datasource\": \"d\","
                + " \"workbook\": \"w\"}}}}],\n \"OnSuccess\": {\"tableau\": {\"server\": \"#Tableau.Server#\", \"datasorce\": \"d\"}}}");
        CliRun bad = run();
        assertEquals(2, bad.exit(), bad.all());
        assertEquals("a.json:1:62: table \"r\": action \"refresh\": \"tableau\": missing \"datasource\" (or \"workbook\"): the"
                + " name of what to refresh\n"
                + "a.json:1:117: table \"r\": action \"refresh\": \"tableau\": \"wait\" must be a duration like 500ms, 30s, 10m or"
                + " 1h, found \"soon\"\n"
                + "a.json:2:51: table \"s\": action \"refresh\": \"tableau\": give either \"datasource\" or \"workbook\", not both\n"
                + "a.json:3:27: \"OnSuccess\": \"tableau\": missing \"datasource\" (or \"workbook\"): the name of what to refresh\n"
                + "a.json:3:71: \"OnSuccess\": \"tableau\": unknown key \"datasorce\"; did you mean \"datasource\"?\n"
                + "dataload: 5 problems found; nothing was run.\n", bad.err());
        Files.writeString(dir.resolve("res.yml"), "Tableau:\n  Server: " + tableau.url() + "\n");
        actions("Sequential", "\"datasource\": \"mydatasource\"");
        CliRun noToken = run();
        assertEquals(2, noToken.exit(), noToken.all());
        assertTrue(noToken.err().contains("tableau: Tableau.TokenName is missing from the resource file (-r)")
                && noToken.err().contains("tableau: Tableau.TokenSecret is missing"), noToken.err());
        assertEquals(0, tableau.signIns(), "nothing ran");
    }
}
