package io.dataload.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --as WRAPPER}: check a file as the wrapper would run it, with the runtime placeholders the
 * wrapper provides defined ({@code #host#}; for Redshift the role's {@code #aws_*#} credentials).
 */
final class AsWrapperOption {
    /** What each wrapper passes besides the -P parameters. */
    static final Map<String, List<String>> PROVIDED = Map.of(
            "postgres", List.of("host"),
            "mysql", List.of("host"),
            "redshift", List.of("host", "aws_access_key_id", "aws_secret_access_key", "aws_session_token"),
            "snowflake", List.of(),
            "cli", List.of());

    @Option(names = "--as", paramLabel = "WRAPPER", description = "Check as the wrapper runs it: postgres, mysql, "
            + "redshift, snowflake or cli (its runtime placeholders, such as #host#, count as defined).")
    String wrapper;

    /** The usage error for an unknown wrapper: exit 2. */
    int refuse(PrintWriterPair io) {
        return io.usage("--as must be postgres, mysql, redshift, snowflake or cli, found " + wrapper);
    }

    /** The database the wrapper connects to (its engine's name), or null: no wrapper, or CLILoadT's none. */
    String database() {
        if (wrapper == null || !PROVIDED.containsKey(wrapper.toLowerCase(Locale.ROOT))) {
            return null;
        }
        String name = wrapper.toLowerCase(Locale.ROOT);
        return name.equals("cli") ? null : name;
    }

    /** The -P parameters with the wrapper's own placeholders added; null when --as names no wrapper. */
    Map<String, String> with(Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (wrapper == null) {
            return all;
        }
        List<String> provided = PROVIDED.get(wrapper.toLowerCase(Locale.ROOT));
        if (provided == null) {
            return null;
        }
        provided.forEach(key -> all.putIfAbsent(key, "from-the-" + wrapper + "-wrapper"));
        return all;
    }
}
