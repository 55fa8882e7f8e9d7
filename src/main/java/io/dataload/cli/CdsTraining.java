package io.dataload.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code dataload --cds-training}, which bin/dataload runs once after a build under
 * {@code -XX:ArchiveClassesAtExit}: a no-op run in a temporary folder (an action file, a resource file,
 * the run history, the log), picocli's reading of a command line, and every engine's driver and the pool
 * ({@link Warmup#RECORDING}), so that the class-data archive holds what the next commands load whatever the
 * first one is. It prints nothing and leaves nothing behind.
 */
final class CdsTraining {
    static final String OPTION = "--cds-training";

    private CdsTraining() {
    }

    static int run() {
        System.setProperty(Warmup.RECORDING, "true");
        Path dir;
        try {
            dir = Files.createTempDirectory("dataload-cds");
        } catch (IOException e) {
            return ExitCodes.INTERNAL_ERROR;
        }
        try {
            Files.writeString(dir.resolve("noop.sh"), "true\n");
            Files.writeString(dir.resolve("noop.json"), "{\"Tables\": [{\"name\": \"noop\", \"scripts\": {\"exec\": \"noop.sh\"}}]}\n");
            Files.writeString(dir.resolve("resources.yml"), "Region: \"us-west-2\"\nRDS:\n  Endpoint: \"127.0.0.1\"\n  Port: 5432\n");
            String[] args = {"run", "-q", "-C", dir.toString(), "-r", "resources.yml", "--state",
                "jdbc:sqlite:" + dir.resolve("state.db"), "noop.json", "exec"};
            PrintWriter discard = new PrintWriter(Writer.nullWriter());
            Integer code = DataLoadCommand.runFast(args, new Invocation(new PrintWriterPair(discard, discard), List.of(args)));
            String[] validate = {"validate", "-C", dir.toString(), "noop.json", "exec"};
            DataLoadCommand.commandLine(validate).parseArgs(validate);
            return code == null ? ExitCodes.INTERNAL_ERROR : code;
        } catch (IOException e) {
            return ExitCodes.INTERNAL_ERROR;
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary folder
            }
        }
    }
}
