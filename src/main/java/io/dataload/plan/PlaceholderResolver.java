package io.dataload.plan;

import io.dataload.config.Location;
import io.dataload.config.Placeholder;
import io.dataload.config.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replacement of {@code #key#} with the Python tool's precedence: built-ins
 * ({@code #table_name#}, {@code #error#}, {@code #action#}), the action file's
 * {@code Placeholders}, the flattened resource file, then runtime parameters — each value inserted
 * once and never expanded again. A {@code #} that does
 * not open a well-formed key (a MySQL {@code # comment}, {@code #!/bin/bash}) is left alone; a
 * well-formed key that nothing defines is an error.
 */
public final class PlaceholderResolver {
    /** A well-formed placeholder: a name of letters, digits, {@code _ . - [ ]}, between # signs. */
    public static final Pattern KEY = Pattern.compile("#([A-Za-z_][A-Za-z0-9_.\\-\\[\\]]*)#");
    /** The shell-quoted form of a placeholder: {@code #'key'#}. */
    private static final Pattern SHELL_META = Pattern.compile("[;&|$`<>(){}\\\\'\"*?!\\n]");
    public static final Pattern QUOTED_KEY = Pattern.compile("#'([A-Za-z_][A-Za-z0-9_.\\-\\[\\]]*)'#");
    /** The SQL-literal form of a placeholder: {@code #"key"#}. */
    public static final Pattern LITERAL_KEY = Pattern.compile("#\"([A-Za-z_][A-Za-z0-9_.\\-\\[\\]]*)\"#");
    /** What can end a SQL string or a statement, or start a comment. */
    private static final Pattern SQL_META = Pattern.compile("[;'\"]|--|/\\*");

    private static final int MAX_DEPTH = 8;
    /**
     * A built-in marking a foreach action being planned: every {@code #item.KEY#} is then defined (its
     * value, one per item, comes when the action runs).
     */
    public static final String ITEM_KEYS = "item.*";

    private final List<Placeholder> placeholders;
    /** Items named {@code #key#}, by key, the first of a name winning. */
    private final Map<String, Placeholder> items = new LinkedHashMap<>();
    /** Items whose name is not a {@code #key#} (the Python tool replaced any text): matched literally. */
    private final List<Placeholder> rawItems = new ArrayList<>();
    private final Map<String, String> resources;
    private final Map<String, String> runtime;
    /** Whether the target's string literals take backslash escapes (MySQL, MariaDB). */
    private final boolean backslashEscapes;

    public PlaceholderResolver(List<Placeholder> placeholders, Map<String, String> resources,
            Map<String, String> runtime) {
        this(placeholders, resources, runtime, false);
    }

    public PlaceholderResolver(List<Placeholder> placeholders, Map<String, String> resources,
            Map<String, String> runtime, boolean backslashEscapes) {
        this.backslashEscapes = backslashEscapes;
        this.placeholders = List.copyOf(placeholders);
        for (Placeholder item : this.placeholders) {
            Matcher whole = KEY.matcher(item.name());
            if (whole.matches()) {
                items.putIfAbsent(whole.group(1), item);
            } else if (!item.name().isEmpty()) {
                rawItems.add(item);
            }
        }
        this.resources = new LinkedHashMap<>(resources);
        this.runtime = new LinkedHashMap<>();
        runtime.forEach((key, value) -> this.runtime.put(stripHashes(key), value));
    }

    public static PlaceholderResolver empty() {
        return new PlaceholderResolver(List.of(), Map.of(), Map.of());
    }

    /** The same resolver with the action file's own {@code Placeholders}. */
    public PlaceholderResolver withPlaceholders(List<Placeholder> fileItems) {
        return new PlaceholderResolver(fileItems, resources, runtime, backslashEscapes);
    }

    /** A resolver with other resource values and runtime parameters, quoting SQL literals the same way (a chained run). */
    public PlaceholderResolver withSources(Map<String, String> resourceValues, Map<String, String> runtimeValues) {
        return new PlaceholderResolver(List.of(), resourceValues, runtimeValues, backslashEscapes);
    }

    /** A value as a SQL string literal by the target's rules: quotes doubled, and backslashes too on MySQL. */
    public String sqlLiteral(String value) {
        String text = backslashEscapes ? value.replace("\\", "\\\\") : value;
        return "'" + text.replace("'", "''") + "'";
    }

    public Map<String, String> resources() {
        return resources;
    }

    public Map<String, String> runtime() {
        return runtime;
    }

    public List<Placeholder> placeholders() {
        return placeholders;
    }

    /**
     * The text with every placeholder replaced, in one pass: a key takes its value from the first
     * source that defines it (built-ins, {@code Placeholders}, the resource file, runtime parameters).
     * A value is inserted once and never read again for placeholders — an error text, a row of data
     * or a password holding {@code #RDS.MasterUserPassword#} or a quote stays exactly what it is. Only
     * the action file's own {@code Placeholders} values are templates, expanded by the same rule.
     * {@code #'key'#} inserts the value as one single-quoted shell word, {@code #"key"#} as a SQL
     * string literal.
     */
    public String apply(String text, Map<String, String> builtins) {
        return apply(text, builtins, 0);
    }

    private String apply(String text, Map<String, String> builtins, int depth) {
        if (text == null || (text.indexOf('#') < 0 && rawItems.isEmpty())) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        Matcher key = KEY.matcher(text);
        Matcher quoted = QUOTED_KEY.matcher(text);
        Matcher literal = LITERAL_KEY.matcher(text);
        int i = 0;
        int n = text.length();
        scan:
        while (i < n) {
            char c = text.charAt(i);
            for (Placeholder item : rawItems) {
                if (text.startsWith(item.name(), i)) {
                    out.append(expandItem(item, builtins, depth));
                    i += item.name().length();
                    continue scan;
                }
            }
            if (c == '#') {
                if (i + 1 < n && text.charAt(i + 1) == '\'' && quoted.region(i, n).lookingAt()) {
                    String value = value(quoted.group(1), builtins, depth);
                    if (value != null) {
                        out.append('\'').append(value.replace("'", "'\\''")).append('\'');
                        i = quoted.end();
                        continue;
                    }
                }
                if (i + 1 < n && text.charAt(i + 1) == '"' && literal.region(i, n).lookingAt()) {
                    String value = value(literal.group(1), builtins, depth);
                    if (value != null) {
                        out.append(sqlLiteral(value));
                        i = literal.end();
                        continue;
                    }
                }
                if (key.region(i, n).lookingAt()) {
                    String value = value(key.group(1), builtins, depth);
                    if (value != null) {
                        out.append(value);
                        i = key.end();
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The value {@code #key#} is replaced by, first source first; null when nothing defines it. */
    private String value(String key, Map<String, String> builtins, int depth) {
        if (builtins.containsKey(key)) {
            return builtins.get(key);
        }
        Placeholder item = items.get(key);
        if (item != null) {
            return expandItem(item, builtins, depth);
        }
        return resources.containsKey(key) ? resources.get(key) : runtime.get(key);
    }

    /** A {@code Placeholders} value is the file's own template: its placeholders are expanded (to a sane depth). */
    private String expandItem(Placeholder item, Map<String, String> builtins, int depth) {
        return depth >= MAX_DEPTH ? item.value() : apply(item.value(), builtins, depth + 1);
    }

    /** The well-formed keys written in a text, in order of appearance. */
    public static Set<String> keysIn(String text) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher quoted = QUOTED_KEY.matcher(text);
        while (quoted.find()) {
            keys.add(quoted.group(1));
        }
        Matcher literal = LITERAL_KEY.matcher(text);
        while (literal.find()) {
            keys.add(literal.group(1));
        }
        Matcher matcher = KEY.matcher(text);
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            keys.add(matcher.group(1));
            from = matcher.end() - 1;
        }
        return keys;
    }

    /** Whether {@code #key#} is defined by a built-in or one of the three sources. */
    public boolean defines(String key, Map<String, String> builtins) {
        if (builtins.containsKey(key) || resources.containsKey(key) || runtime.containsKey(key)) {
            return true;
        }
        if (key.startsWith("item.") && builtins.containsKey(ITEM_KEYS)) {
            return true;
        }
        String token = "#" + key + "#";
        for (Placeholder item : placeholders) {
            if (item.name().equals(token)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Problems for every key written in {@code template} that nothing defines. The check reads the
     * text as written, so values that happen to contain # signs (passwords) are never mistaken for
     * placeholders. {@code origin} is where the template starts: a script file or a string in the
     * action file.
     */
    public List<Problem> check(String template, Map<String, String> builtins, Location origin, boolean isFile) {
        List<Problem> problems = new ArrayList<>();
        if (template == null || template.indexOf('#') < 0) {
            return problems;
        }
        // read the way apply() reads: a defined key is consumed whole, so "#a#_#b#" is two keys, not three
        Set<String> reported = new LinkedHashSet<>();
        int n = template.length();
        Matcher plain = KEY.matcher(template);
        Matcher quoted = QUOTED_KEY.matcher(template);
        Matcher literal = LITERAL_KEY.matcher(template);
        int i = 0;
        while (i < n) {
            if (template.charAt(i) != '#') {
                i++;
                continue;
            }
            Matcher found = quoted.region(i, n).lookingAt() ? quoted
                    : literal.region(i, n).lookingAt() ? literal : plain.region(i, n).lookingAt() ? plain : null;
            if (found == null) {
                i++;
                continue;
            }
            String key = found.group(1);
            if (defines(key, builtins)) {
                i = found.end();
                continue;
            }
            if (reported.add(key)) {
                problems.add(new Problem(locate(template, i, origin, isFile), "placeholder #" + key
                        + "# is not defined (not a built-in, not in \"Placeholders\", the resource file or a -P parameter)"));
            }
            i++;
        }
        return problems;
    }

    /**
     * Warnings for values with shell metacharacters that a command uses unquoted ({@code #key#}
     * rather than {@code #'key'#}): such a value can break out of the command. Values from
     * {@code -P} and from the resource file count alike.
     */
    public List<Problem> unquotedInShell(String template, Location origin, boolean isFile) {
        return unquoted(template, origin, isFile, SHELL_META, "shell metacharacters", "a shell command",
                "#'%s'# to pass it as one word");
    }

    /**
     * Warnings for values holding {@code ;}, a quote, a backslash or a comment start that a SQL
     * script uses unquoted: such a value can end the statement and run another. {@code #"key"#}
     * inserts it as a string literal instead.
     */
    public List<Problem> unquotedInSql(String template, Location origin, boolean isFile) {
        return unquoted(template, origin, isFile, SQL_META, "a ; , a quote or a comment start", "SQL",
                "#\"%s\"# to insert it as a SQL string literal");
    }

    private List<Problem> unquoted(String template, Location origin, boolean isFile, Pattern meta, String what,
            String into, String remedy) {
        List<Problem> warnings = new ArrayList<>();
        if (template == null || template.indexOf('#') < 0) {
            return warnings;
        }
        Matcher matcher = KEY.matcher(template);
        Set<String> warned = new LinkedHashSet<>();
        int from = 0;
        while (from < template.length() && matcher.find(from)) {
            String key = matcher.group(1);
            String source = sourceOf(key);
            String value = value(key, Map.of(), 0);
            if (source != null && value != null && meta.matcher(value).find() && warned.add(key)) {
                warnings.add(new Problem(locate(template, matcher.start(), origin, isFile), "warning: the " + source
                        + " value of #" + key + "# holds " + what + " and goes unquoted into " + into + "; write "
                        + String.format(remedy, key)));
            }
            from = matcher.end() - 1;
        }
        return warnings;
    }

    /**
     * Which outside source defines a key, in words; null for none and for the action file's own
     * {@code Placeholders}, which the same author writes as the script.
     */
    private String sourceOf(String key) {
        if (items.containsKey(key)) {
            return null;
        }
        if (resources.containsKey(key)) {
            return "resource file";
        }
        return runtime.containsKey(key) ? "-P" : null;
    }

    private static Location locate(String template, int index, Location origin, boolean isFile) {
        if (index < 0) {
            return origin;
        }
        if (!isFile) {
            return new Location(origin.file(), origin.line(), origin.column() + 1 + index);
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (template.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(origin.file(), line, index - lineStart + 1);
    }

    static String stripHashes(String key) {
        if (key.length() >= 2 && key.startsWith("#") && key.endsWith("#")) {
            return key.substring(1, key.length() - 1);
        }
        return key;
    }
}
