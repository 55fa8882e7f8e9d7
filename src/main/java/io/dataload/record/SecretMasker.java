package io.dataload.record;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces secret values with {@code ****} in anything printed or logged. A value is secret when
 * its key's name says so (password, secret, token, key, webhook, credential).
 */
public final class SecretMasker {
    public static final String MASK = "****";
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|passwd|pwd|secret|token|key|webhook|credential).*");
    /** A URL's password parameter runs to the next {@code &}: pgJDBC and Connector/J keep a {@code ;} in it. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&\\s]*");
    /** {@code scheme://user:password@host} */
    private static final Pattern URL_USERINFO = Pattern.compile("(//[^/:@\\s]*:)[^/@\\s]*@");
    /** Webhook URLs carry their secret in the path (hooks.slack.com/services/T0/B0/XXXX). */
    private static final Pattern WEBHOOK = Pattern.compile("(?i)(https?://[^/\\s]*hooks?[^/\\s]*/)[^\\s\"']+");
    private static final int SHORTEST_SECRET = 4;

    /** The secret values, longest first, in any letter case: a database may echo one folded (an identifier). */
    private final Pattern secrets;
    /**
     * A secret's beginning (4 characters or more) where a text is cut: at its end, before a quote
     * or before an ellipsis — a database quotes a statement cut short ({@code near '...', 'S3cretPas'}).
     */
    private final Pattern cutSecrets;
    /** The common-word secrets, masked only where they stand alone. */
    private final Pattern weakSecrets;

    /**
     * A secret that is one plain word (letters only, like {@code postgres}) or shorter than 8
     * characters also occurs inside paths and names ({@code jdbc:postgresql:}, {@code ./postgresLoadT.py}):
     * it is masked only where it stands alone, not inside a longer word, path or identifier.
     */
    private static final Pattern WEAK = Pattern.compile("[A-Za-z]+|.{1,7}");
    private static final String ALONE_BEFORE = "(?<![\\p{L}\\p{N}_/.\\\\-])";
    private static final String ALONE_AFTER = "(?![\\p{L}\\p{N}_/.\\\\-])";

    /** Keys of the secrets too common to mask inside longer words (said once as a warning). */
    private final List<String> weakKeys = new java.util.ArrayList<>();

    /** Masks the values of the secret-named keys of any of the maps. */
    public SecretMasker(List<Map<String, String>> sources) {
        TreeSet<String> found = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        TreeSet<String> weak = new TreeSet<>(found.comparator());
        for (Map<String, String> values : sources) {
            values.forEach((key, value) -> {
                if (value != null && value.length() >= SHORTEST_SECRET && isSecretName(key)) {
                    if (WEAK.matcher(value).matches()) {
                        weak.add(value);
                        if (!weakKeys.contains(key)) {
                            weakKeys.add(key);
                        }
                    } else {
                        found.add(value);
                    }
                }
            });
        }
        this.weakSecrets = weak.isEmpty() ? null : Pattern.compile(ALONE_BEFORE + "(?:" + weak.stream().map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")" + ALONE_AFTER, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.secrets = found.isEmpty() ? null : Pattern.compile(found.stream().map(Pattern::quote)
                .collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        TreeSet<String> prefixes = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (String secret : found) {
            for (int length = secret.length() - 1; length >= SHORTEST_SECRET; length--) {
                prefixes.add(secret.substring(0, length));
            }
        }
        this.cutSecrets = prefixes.isEmpty() ? null : Pattern.compile("(?:" + prefixes.stream().map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")(?=$|['\"`]|\\.\\.\\.|\u2026)",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * A warning when some secret is a plain word or short: it cannot be told from the same word
     * inside paths and names, so it is masked only where it stands alone. Null when there is none.
     */
    public String weakSecretWarning() {
        if (weakKeys.isEmpty()) {
            return null;
        }
        return "warning: the value of " + String.join(", ", weakKeys) + " is a plain word or shorter than 8"
                + " characters; it is masked where it stands alone, not inside longer words, paths or names"
                + " (a longer, less common password is masked everywhere)";
    }

    public static SecretMasker none() {
        return new SecretMasker(List.of());
    }

    public static boolean isSecretName(String key) {
        // a key file's path (Snowflake.PrivateKeyFile) names where the secret is, and messages must name it
        return SECRET_NAME.matcher(key).matches() && !NAMES_A_FILE.matcher(key).matches();
    }

    private static final Pattern NAMES_A_FILE = Pattern.compile("(?i).*(file|path)");

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String result = secrets == null ? text : secrets.matcher(text).replaceAll(Matcher.quoteReplacement(MASK));
        if (cutSecrets != null) {
            result = cutSecrets.matcher(result).replaceAll(Matcher.quoteReplacement(MASK));
        }
        if (weakSecrets != null) {
            result = weakSecrets.matcher(result).replaceAll(Matcher.quoteReplacement(MASK));
        }
        result = URL_PASSWORD.matcher(result).replaceAll("$1" + MASK);
        result = URL_USERINFO.matcher(result).replaceAll("$1" + MASK + "@");
        return WEBHOOK.matcher(result).replaceAll("$1" + MASK);
    }
}
