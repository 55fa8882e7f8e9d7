package io.dataload.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that say where the files are and what fills their placeholders: run, plan, validate. */
final class InputOptions {

    @Option(names = {"-r", "--resources"}, paramLabel = "FILE.yml",
            description = "The YAML resource file (placeholders, connection).")
    String resources;

    @Mixin
    ParamsOption params;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR",
            description = "Work in DIR instead of the current directory.")
    Path directory;

    /** The folder the action file's paths resolve against: -C, else the current one. */
    Path workDir() {
        return (directory == null ? Path.of("") : directory).toAbsolutePath().normalize();
    }
}
