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
 * Plain-text replacement of {@code #key#}, in the Python tool's order: built-ins
 * ({@code #table_name#}, {@code #error#}, {@code #action#}), the action file's
 * {@code Placeholders}, the flattened resource file, then runtime parameters. A {@code #} that does
 * not open a well-formed key (a MySQL {@code # comment}, {@code #!/bin/bash}) is left alone; a
 * well-formed key that nothing defines is an error.
 */
public final class PlaceholderResolver {
    /** A well-formed placeholder: a name of letters, digits, {@code _ . - [ ]}, between # signs. */
    public static final Pattern KEY = Pattern.compile("#([A-Za-z_][A-Za-z0-9_.\\-\\[\\]]*)#");
    /** The shell-quoted form of a placeholder: {@code #'key'#}. */
    private static final Pattern SHELL_META = Pattern.compile("[;&|$`<>(){}\\\\'\"*?!\\n]");
    public static final Pattern QUOTED_KEY = Pattern.compile("#'([A-Za-z_][A-Za-z0-9_.\\-\\[\\]]*)'#");

    private final List<Placeholder> placeholders;
    private final Map<String, String> resources;
    private final Map<String, String> runtime;

    public PlaceholderResolver(List<Placeholder> placeholders, Map<String, String> resources,
            Map<String, String> runtime) {
        this.placeholders = List.copyOf(placeholders);
        this.resources = new LinkedHashMap<>(resources);
        this.runtime = new LinkedHashMap<>();
        runtime.forEach((key, value) -> this.runtime.put(stripHashes(key), value));
    }

    public static PlaceholderResolver empty() {
        return new PlaceholderResolver(List.of(), Map.of(), Map.of());
    }

    /** The same resolver with the action file's own {@code Placeholders}. */
    public PlaceholderResolver withPlaceholders(List<Placeholder> fileItems) {
        return new PlaceholderResolver(fileItems, resources, runtime);
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

    public String apply(String text, Map<String, String> builtins) {
        if (text == null || text.indexOf('#') < 0) {
            return text;
        }
        String result = text.contains("#'") ? quoteKeys(text, builtins) : text;
        result = replaceKeys(result, builtins);
        for (Placeholder item : placeholders) {
            if (!item.name().isEmpty()) {
                result = result.replace(item.name(), item.value());
            }
        }
        result = replaceKeys(result, resources);
        return replaceKeys(result, runtime);
    }

    /**
     * {@code #'key'#}: the value as one shell word, single-quoted, so that a value holding
     * {@code ; rm -rf} or quotes cannot break out of a command.
     */
    private String quoteKeys(String text, Map<String, String> builtins) {
        Matcher matcher = QUOTED_KEY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = value(matcher.group(1), builtins);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group()
                    : "'" + value.replace("'", "'\\''") + "'"));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The value {@code #key#} would be replaced by, first source first; null when nothing defines it. */
    private String value(String key, Map<String, String> builtins) {
        if (builtins.containsKey(key)) {
            return builtins.get(key);
        }
        for (Placeholder item : placeholders) {
            if (item.name().equals("#" + key + "#")) {
                return apply(item.value(), builtins);
            }
        }
        return resources.containsKey(key) ? resources.get(key) : runtime.get(key);
    }

    private static String replaceKeys(String text, Map<String, String> values) {
        String result = text;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (result.indexOf('#') < 0) {
                break;
            }
            result = result.replace("#" + entry.getKey() + "#", entry.getValue());
        }
        return result;
    }

    /** The well-formed keys written in a text, in order of appearance. */
    public static Set<String> keysIn(String text) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher quoted = QUOTED_KEY.matcher(text);
        while (quoted.find()) {
            keys.add(quoted.group(1));
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
        for (String key : keysIn(template)) {
            if (!defines(key, builtins)) {
                int index = template.indexOf("#" + key + "#");
                if (index < 0) {
                    index = template.indexOf("#'" + key + "'#");
                }
                problems.add(new Problem(locate(template, index, origin, isFile), "placeholder #" + key
                        + "# is not defined (not a built-in, not in \"Placeholders\", the resource file or a -P parameter)"));
            }
        }
        return problems;
    }

    /**
     * Warnings for {@code -P} values with shell metacharacters that a command uses unquoted
     * ({@code #key#} rather than {@code #'key'#}): such a value can break out of the command.
     */
    public List<Problem> unquotedInShell(String template, Location origin, boolean isFile) {
        List<Problem> warnings = new ArrayList<>();
        if (template == null || template.indexOf('#') < 0) {
            return warnings;
        }
        Matcher matcher = KEY.matcher(template);
        int from = 0;
        while (from < template.length() && matcher.find(from)) {
            String key = matcher.group(1);
            String value = runtime.get(key);
            if (value != null && SHELL_META.matcher(value).find()) {
                warnings.add(new Problem(locate(template, matcher.start(), origin, isFile), "warning: the -P value of #"
                        + key + "# holds shell metacharacters and goes unquoted into a shell command; write #'" + key
                        + "'# to pass it as one word"));
            }
            from = matcher.end() - 1;
        }
        return warnings;
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
