package io.dataload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every action file shipped under configs/ validates cleanly, with the parameters its pipeline is
 * started with; the Redshift files, which cannot run here, are checked this way only.
 */
class ShippedConfigsTest {

    @Test
    void everyShippedActionFileValidates() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("configs"))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 25, "all engines' files are found: " + files);
        for (Path file : files) {
            String engine = file.getParent().getFileName().toString();
            List<String> args = new ArrayList<>(List.of("validate", "-P", "data=demo-data", "-P", "lake=lake"));
            switch (engine) {
                // landing.json is run by dataload watch, which gives #file# and #file_name#
                case "example" -> args.addAll(List.of("-r", "configs/example/example.yml", "-P", "file=incoming/x.csv",
                        "-P", "file_name=x.csv"));
                case "redshift" -> args.addAll(List.of("-r", "configs/redshift/demo.yml", "-P", "host=cluster",
                        "-P", "aws_access_key_id=a", "-P", "aws_secret_access_key=b", "-P", "aws_session_token=c"));
                // checked as SnowflakeLoadT runs them: the demo's Snowflake: section must hold what a login needs
                case "snowflake-tableau" -> args.addAll(List.of("--as", "snowflake", "-r",
                        "configs/example/snowflake-tableau/resources.yml", "-P", "landing=configs/example/snowflake-tableau/landing"));
                case "snowflake" -> args.addAll(List.of("--as", "snowflake", "-r", "configs/snowflake/demo.yml"));
                case "events-lake" -> args.addAll(List.of("-P", "landing=events-lake/landing"));
                default -> {
                }
            }
            args.add(file.toString());
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exit(), file + ":\n" + run.all());
            assertEquals("", run.err(), file + " has warnings");
        }
    }

    @Test
    void aMisspeltKeyIsAWarningWithTheKeyItWasMeantToBe() throws IOException {
        Path dir = Files.createTempDirectory("dataload-validate");
        Files.writeString(dir.resolve("s.sql"), "select 1;");
        Files.writeString(dir.resolve("a.json"), "{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"load\": "
                + "{\"file\": \"s.sql\", \"onerror\": {}}}}], \"Placeholder\": []}");
        CliRun run = CliRun.of("validate", "-C", dir.toString(), "a.json");
        assertEquals(0, run.exit(), run.all());
        assertEquals("a.json:1:76: warning: table \"t\": action \"load\": unknown key \"onerror\" is ignored;"
                + " did you mean \"OnError\"?\n"
                + "a.json:1:99: warning: unknown key \"Placeholder\" is ignored; did you mean \"Placeholders\"?\n", run.err());
        assertEquals("a.json: ok (1 action checked: load)\n", run.out());
    }
}
