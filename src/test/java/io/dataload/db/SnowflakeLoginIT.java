package io.dataload.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
import io.dataload.standin.snowflake.SnowflakeStandIn;
import io.dataload.standin.snowflake.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logging in to Snowflake the way the resource file says, through the SnowflakeLoadT wrapper and the
 * stand-in: key-pair logins with unencrypted and encrypted PKCS#8 keys (the JWT's signature checked
 * against the registered public key), a password; each way a login can fail fails the action with
 * its reason, and a section missing what a login needs is a file:line error before anything runs.
 */
class SnowflakeLoginIT {
    private static final String PASSPHRASE = "Pass phrase #1";
    @TempDir
    static Path dir;
    private static SnowflakeStandIn standIn;
    private static KeyPair pair;

    @BeforeAll
    static void start() throws Exception {
        pair = TestKeys.generate();
        standIn = SnowflakeStandIn.start(new SnowflakeStandIn.Config().dir(dir.resolve("sf")).password("Pw-0f-DataLoad")
                .publicKey(pair.getPublic()));
        TestKeys.writePlain(pair, dir.resolve("plain.p8"));
        TestKeys.writeEncrypted(pair, PASSPHRASE, dir.resolve("encrypted.p8"));
        TestKeys.writePlain(TestKeys.generate(), dir.resolve("other.p8"));
        Files.writeString(dir.resolve("select.sql"), "select 1");
        // the wrapper reads scripts from the working folder: named by their whole path here
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"check\": \""
                + dir.resolve("select.sql") + "\"}}]}");
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    private static CliRun wrapper(String resources) throws Exception {
        Files.writeString(dir.resolve("res.yml"), resources);
        return CliRun.of("snowflake", "--log-dir", dir.resolve("logs").toString(), dir.resolve("res.yml").toString(),
                dir.resolve("a.json").toString(), "check");
    }

    private static String section(String login) {
        return "Snowflake:\n  Account: testacct\n  User: dataload\n  Database: MYDB\n  Schema: PUBLIC\n"
                + "  Warehouse: LOAD_WH\n  Role: LOADER\n  Endpoint: " + standIn.endpoint() + "\n" + login;
    }

    @Test
    void keyPairLoginsWorkWithUnencryptedAndEncryptedKeysAndAPassword() throws Exception {
        int before = standIn.logins().size();
        CliRun plain = wrapper(section("  PrivateKeyFile: " + dir.resolve("plain.p8") + "\n"));
        assertEquals(0, plain.exit(), plain.all());
        CliRun encrypted = wrapper(section("  PrivateKeyFile: " + dir.resolve("encrypted.p8") + "\n"
                + "  PrivateKeyPassphrase: \"" + PASSPHRASE + "\"\n"));
        assertEquals(0, encrypted.exit(), encrypted.all());
        assertFalse(encrypted.all().contains(PASSPHRASE), "the passphrase is never printed");
        CliRun password = wrapper(section("  Password: Pw-0f-DataLoad\n"));
        assertEquals(0, password.exit(), password.all());
        assertEquals(List.of("jwt DATALOAD", "jwt DATALOAD", "password DATALOAD"),
                standIn.logins().subList(before, before + 3), "the driver's JWT was verified with the public key");
        try (Stream<Path> logs = Files.list(dir.resolve("logs"))) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                // the logs, the results files and the run-history store, read as bytes
                String text = new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(PASSPHRASE) || text.contains("Pw-0f-DataLoad"), log + " shows a secret");
            }
        }
    }

    @Test
    void eachFailedLoginFailsTheActionWithItsReason() throws Exception {
        assertFailure(section("  PrivateKeyFile: " + dir.resolve("encrypted.p8") + "\n  PrivateKeyPassphrase: wrong-one\n"),
                "private key " + dir.resolve("encrypted.p8") + ": wrong passphrase (Snowflake.PrivateKeyPassphrase)");
        assertFailure(section("  PrivateKeyFile: " + dir.resolve("encrypted.p8") + "\n"),
                "the key is encrypted: give its passphrase as Snowflake.PrivateKeyPassphrase");
        assertFailure(section("  PrivateKeyFile: " + dir.resolve("missing.p8") + "\n"),
                "private key " + dir.resolve("missing.p8") + ": no such file (Snowflake.PrivateKeyFile)");
        assertFailure(section("  PrivateKeyFile: " + dir.resolve("other.p8") + "\n"), "390100 (08001): JWT token is invalid.");
        assertFailure(section("  Password: not-the-password\n"),
                "390100 (08001): Incorrect username or password was specified.");
    }

    private static void assertFailure(String resources, String reason) throws Exception {
        CliRun run = wrapper(resources);
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("connecting to jdbc:snowflake://127.0.0.1:" + standIn.port() + "/?ssl=off")
                && run.out().contains(reason), "expected \"" + reason + "\" in:\n" + run.out());
    }

    @Test
    void aSectionMissingWhatALoginNeedsIsAFileLineErrorAndNothingRuns() throws Exception {
        int before = standIn.logins().size();
        CliRun run = wrapper("Region: eu-west-1\nSnowflake:\n  Account: testacct\n  Database: MYDB\n");
        assertEquals(2, run.exit(), run.all());
        String res = dir.resolve("res.yml").toString();
        assertEquals(res + ":2:1: Snowflake.User is missing: the user DataLoad logs in as\n"
                + "dataload: 1 problem found; nothing was run.\n", run.err());
        CliRun both = wrapper(section("  Password: x\n  PrivateKeyFile: k.p8\n"));
        assertEquals(2, both.exit(), both.all());
        assertTrue(both.err().startsWith(res + ":9:3: Snowflake: give either Password or PrivateKeyFile, not both"),
                both.err());
        CliRun none = wrapper("Region: eu-west-1\n");
        assertEquals(2, none.exit(), none.all());
        assertTrue(none.err().contains("Snowflake.Account is missing"), none.err());
        assertEquals(before, standIn.logins().size(), "nothing connected");
    }
}
