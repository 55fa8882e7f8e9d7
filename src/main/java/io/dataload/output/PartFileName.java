package io.dataload.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a data file an extract writes into a partition: {@code part-<run id>-<tag>-<n><ext>}.
 * The tag (8 hex digits) names what was extracted — the action (with its fan-out item) and the
 * window's start — so that the same window extracted again is recognised: by the same run (a
 * retry, {@code --resume}) or after a run that did not succeed. Compaction's files are
 * {@code part-compacted-<time>-<tag>-<n><ext>}.
 */
public record PartFileName(String run, String tag, int n, String extension) {
    private static final Pattern FORM = Pattern.compile("part-(.+)-([0-9a-f]{8})-(\\d+)(\\..+)");

    public static PartFileName parse(String name) {
        Matcher matcher = FORM.matcher(name);
        return matcher.matches() ? new PartFileName(matcher.group(1), matcher.group(2),
                Integer.parseInt(matcher.group(3)), matcher.group(4)) : null;
    }

    public static String tag(String action, String windowStart) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((action + "\u0000" + windowStart).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "part-" + run + "-" + tag + "-" + n + extension;
    }

    /** The hidden name it is written under until complete. */
    public String temporary() {
        return "." + this + ".tmp";
    }
}
