package io.dataload.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine contract on the local MariaDB server. */
class MariaDbIT extends ServerContract {

    @Override
    String adminUrl() {
        return LocalServers.MARIADB;
    }

    @Override
    String serverName() {
        return "MariaDB";
    }

    @Override
    String namespaceKind() {
        return "database";
    }

    @Override
    String urlFor(String database) {
        return LocalServers.MARIADB.replace("/test?", "/" + database + "?");
    }

    @Override
    String engine() {
        return "mysql";
    }

    @Test
    void loadDataLocalInfileReadsOnlyUnderTheWorkingDirectory() throws Exception {
        runOk("actions.json", "drop");
        runOk("actions.json", "create");
        Files.writeString(dir.resolve("inside.csv"), "7,\"in\",1.00,\\N\n");
        Files.writeString(dir.resolve("local.json"), "{\"Tables\": [{\"name\": \"t_people\", \"scripts\": {"
                + "\"inside\": \"inside.sql\", \"outside\": \"outside.sql\"}}]}");
        // relative paths resolve against the process's directory (LegacyProjectIT runs the wrapper there);
        // in-process the test names the file under the working directory absolutely
        Files.writeString(dir.resolve("inside.sql"), "LOAD DATA LOCAL INFILE '" + dir.resolve("inside.csv")
                + "' INTO TABLE t_people"
                + " FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"';");
        Files.writeString(dir.resolve("outside.sql"), "LOAD DATA LOCAL INFILE '/etc/hostname' INTO TABLE t_people;");
        CliRun inside = CliRun.run(dir, "-q", "--db", url(), "local.json", "inside");
        assertEquals(0, inside.exit(), inside.all());
        assertEquals(List.of(7), ints("select id from t_people"));
        CliRun outside = CliRun.run(dir, "-q", "--db", url(), "local.json", "outside");
        assertEquals(1, outside.exit(), outside.all());
        assertTrue(outside.out().contains("/etc/hostname"), outside.out());
        assertEquals(List.of(7), ints("select id from t_people"));
    }

    @Override
    String sleep(int seconds) {
        return "select sleep(" + seconds + ")";
    }

    /** A copy into a table that cannot roll back is refused before a row is loaded. */
    @Test
    void aCopyIntoAMyIsamTableIsRefused() throws Exception {
        execute("create table t_myisam (id int, name varchar(20)) engine=MyISAM");
        Files.writeString(dir.resolve("rows.csv"), "1,a\n2,b\n3,c\nx,d\n");
        Files.writeString(dir.resolve("m.json"), "{\"Tables\": [{\"name\": \"t_myisam\", \"scripts\": {\"load\":"
                + " {\"copy\": {\"from\": \"rows.csv\", \"table\": \"t_myisam\"}}}}]}");
        CliRun run = run("m.json", "load");
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("MyISAM table, which cannot roll back"), run.out());
        assertEquals(List.of(0), ints("select count(*) from t_myisam"));
    }

    /** MariaDB quotes a statement cut at 80 characters: the cut secret is masked in the output, log and results. */
    @Test
    void aSecretCutShortInASyntaxErrorIsMasked() throws Exception {
        Files.writeString(dir.resolve("res.yml"), "Service:\n  Password: S3cretPass9x\n");
        Files.writeString(dir.resolve("cut.sql"), "select 1 frm x where a = '" + "a".repeat(52) + "', '#Service.Password#';");
        Files.writeString(dir.resolve("cut.json"), "{\"Tables\": [{\"name\": \"c\", \"scripts\": {\"load\": \"cut.sql\"}}]}");
        CliRun run = CliRun.run(dir, "-v", "-r", "res.yml", "--db", url(), "cut.json", "load");
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("'****...'"), run.out());
        StringBuilder everything = new StringBuilder(run.all());
        try (java.util.stream.Stream<java.nio.file.Path> files = Files.list(dir.resolve("logs"))) {
            for (java.nio.file.Path file : files.toList()) {
                everything.append(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)); // the history store too, byte for byte
            }
        }
        assertTrue(!everything.toString().contains("S3cret"), everything.toString());
    }
}
