package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file the wrappers run validates with --as: the wrapper's own placeholders count as defined. */
class ValidateAsWrapperTest {
    @TempDir
    Path dir;

    @Test
    void validateAndPlanKnowWhatEachWrapperProvides() throws Exception {
        Files.writeString(dir.resolve("check.sh"), "pg_isready -h #'host'#");
        Files.writeString(dir.resolve("unload.sql"), "unload ('select 1') to 's3://b/x'"
                + " credentials 'aws_access_key_id=#aws_access_key_id#;aws_secret_access_key=#aws_secret_access_key#"
                + ";token=#aws_session_token#';");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"c\", \"scripts\": {\"exec\": \"check.sh\","
                + " \"unload\": \"unload.sql\"}}]}");
        CliRun plain = CliRun.of("validate", "-C", dir.toString(), "a.json", "exec");
        assertEquals(2, plain.exit());
        assertTrue(plain.err().contains("placeholder #host# is not defined"), plain.err());
        CliRun postgres = CliRun.of("validate", "--as", "postgres", "-C", dir.toString(), "a.json", "exec");
        assertEquals(0, postgres.exit(), postgres.all());
        assertEquals(2, CliRun.of("validate", "--as", "postgres", "-C", dir.toString(), "a.json", "unload").exit());
        CliRun redshift = CliRun.of("validate", "--as", "redshift", "-C", dir.toString(), "a.json");
        assertEquals(0, redshift.exit(), redshift.all());
        CliRun plan = CliRun.of("plan", "--as", "redshift", "-C", dir.toString(), "a.json", "unload");
        assertEquals(0, plan.exit(), plan.all());
        CliRun unknown = CliRun.of("validate", "--as", "oracle", "-C", dir.toString(), "a.json");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("--as must be postgres, mysql, redshift, snowflake or cli"), unknown.err());
    }
}
