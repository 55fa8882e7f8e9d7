package io.dataload.cli;

import io.dataload.aws.AwsException;
import io.dataload.aws.AwsServices;
import io.dataload.aws.SdkAwsServices;
import io.dataload.config.ConfigException;
import io.dataload.config.ResourceReader;
import io.dataload.config.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Options shared by the AWS helper commands: the resource file (default ProjectResources.yml
 * when present, as the Python helpers read it) for Region and the default topic and queue names.
 */
final class AwsHelperOptions {
    @Option(names = {"-r", "--resources"}, paramLabel = "FILE.yml",
            description = "Resource file for Region, Topic.Name, Queue.Name (default: ProjectResources.yml if present).")
    String resources;

    Resources read() throws ConfigException {
        String file = resources;
        if (file == null) {
            if (!Files.exists(Path.of(WrapperCommand.DEFAULT_RESOURCES))) {
                return Resources.none();
            }
            file = WrapperCommand.DEFAULT_RESOURCES;
        }
        return new ResourceReader().read(file, Path.of(file).toAbsolutePath());
    }

    AwsServices aws(Resources values) {
        return new SdkAwsServices(values.get("Region").orElse(null));
    }

    /**
     * Runs one helper call on the resource named by {@code option}, else the resource file's
     * {@code defaultKey}, else {@code fallback}; prints what it returns.
     */
    int call(CommandSpec spec, String option, String defaultKey, String fallback,
            BiFunction<AwsServices, String, String> work) {
        PrintWriterPair io = new PrintWriterPair(spec);
        try {
            Resources values = read();
            String name = option != null ? option : values.get(defaultKey).orElse(fallback);
            io.out().println(work.apply(aws(values), name));
            io.out().flush();
            return ExitCodes.SUCCESS;
        } catch (ConfigException e) {
            return io.problems(e);
        } catch (AwsException e) {
            return io.aws(e);
        }
    }
}
