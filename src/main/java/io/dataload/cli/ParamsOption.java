package io.dataload.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code -P KEY=VALUE}: a runtime parameter, for every command that plans or runs actions. */
final class ParamsOption {

    @Option(names = {"-P", "--param"}, paramLabel = "KEY=VALUE",
            description = "A runtime parameter #KEY#; repeatable.")
    Map<String, String> params = new LinkedHashMap<>();
}
