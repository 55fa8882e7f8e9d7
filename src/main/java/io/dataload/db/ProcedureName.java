package io.dataload.db;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A script whose whole text is a bare identifier names a stored procedure to call, as the Python
 * wrappers' {@code callproc} did. Single-word SQL commands are not procedure names.
 */
public final class ProcedureName {
    private static final Pattern IDENTIFIER =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");
    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|--[^\\n]*|(?m)^\\s*#[^\\n]*");
    private static final Set<String> SQL_WORDS = Set.of(
            "begin", "commit", "rollback", "end", "abort", "vacuum", "analyze", "analyse", "checkpoint",
            "start", "load", "reset", "show", "discard", "unlisten", "select", "values", "table");

    private ProcedureName() {
    }

    public static Optional<String> of(String script) {
        String text = COMMENTS.matcher(script).replaceAll(" ").strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (IDENTIFIER.matcher(text).matches() && !SQL_WORDS.contains(text.toLowerCase(Locale.ROOT))) {
            return Optional.of(text);
        }
        return Optional.empty();
    }
}
