package io.dataload.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher installed in a folder whose path holds a space and a quote: run, the class-data archive, --version. */
class LauncherIT {
    @TempDir
    Path tmp;

    private String launch(Path launcher, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() + "\n" + output;
    }

    @Test
    void aPathWithASpaceAndAQuoteWorksBeforeAndAfterTheArchiveExists() throws Exception {
        Path install = tmp.resolve("my tools/it's here/dl");
        Files.createDirectories(install.resolve("bin"));
        Files.createDirectories(install.resolve("target"));
        Path launcher = install.resolve("bin/dataload");
        Files.copy(Path.of("bin/dataload"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(install.resolve("target/dataload.jar"), Path.of("target/dataload.jar").toAbsolutePath());
        // the jar names lib/dataload-cloud.jar (the Snowflake driver, the AWS SDK) next to itself
        Files.createSymbolicLink(install.resolve("target/lib"), Path.of("target/lib").toAbsolutePath());
        Path project = Files.createDirectories(tmp.resolve("a project"));
        Files.writeString(project.resolve("t.sh"), "true");
        Files.writeString(project.resolve("n.json"), "{\"Tables\": [{\"name\": \"a\", \"scripts\": {\"exec\": \"t.sh\"}}]}");

        // the first command after a build, whatever it is, trains and writes the class-data archive first
        String version = launch(launcher, project, "--version");
        assertTrue(version.startsWith("0\ndataload "), version);
        assertTrue(Files.exists(install.resolve("target/dataload.jsa")), "the class-data archive was written");
        try (var left = Files.list(install.resolve("target"))) {
            assertEquals(List.of("dataload.jar", "dataload.jsa", "lib"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String first = launch(launcher, project, "run", "-q", "n.json", "exec");
        assertTrue(first.startsWith("0\n"), first);
        String second = launch(launcher, project, "run", "-q", "n.json", "exec");
        assertTrue(second.startsWith("0\n"), second);
        assertEquals(2, Files.list(project.resolve("logs")).filter(p -> p.toString().endsWith(".log")).count());
    }
}
