package io.dataload.standin.snowflake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Internal stages as local folders, the way snowflake-jdbc handles a {@code LOCAL_FS} stage: PUT
 * is answered with the folder, and the driver itself compresses the files and writes them there;
 * COPY INTO loads the staged files into the table with DuckDB's CSV reader; REMOVE and LIST work
 * on the folder.
 */
final class Stage {
    private static final Pattern PUT = Pattern.compile("(?is)put\\s+('?)file://(.+?)\\1\\s+('?)(@[^\\s']+)\\3(.*)");
    private static final Pattern COPY = Pattern.compile("(?is)copy\\s+into\\s+([^\\s(]+)\\s+from\\s+('?)(@[^\\s']+)\\2(.*)");
    private static final Pattern STAGE_COMMAND = Pattern.compile("(?is)(?:remove|rm|list|ls)\\s+('?)(@[^\\s']+)\\1.*");
    private static final Pattern FILES = Pattern.compile("(?is)\\bFILES\\s*=\\s*\\(([^)]*)\\)");
    private static final Pattern FILE_FORMAT = Pattern.compile("(?is)\\bFILE_FORMAT\\s*=\\s*\\(((?:[^()]|\\([^)]*\\))*)\\)");
    private static final Pattern OPTION = Pattern.compile("(?is)(\\w+)\\s*=\\s*('(?:[^'\\\\]|\\\\.|'')*'|\\([^)]*\\)|[^\\s,)]+)");
    private static final Pattern STRING = Pattern.compile("'((?:[^'\\\\]|\\\\.|'')*)'");

    private final Path root;

    Stage(Path root) {
        this.root = root;
    }

    /** PUT: tells the driver which local folder stands for the stage; the driver uploads into it. */
    JsonNode put(Session session, String sql) throws IOException {
        Matcher put = PUT.matcher(sql);
        if (!put.matches()) {
            return Replies.error("001003", "42000", "SQL compilation error:\nsyntax error in PUT: " + sql);
        }
        String source = put.group(2);
        Map<String, String> options = options(put.group(5));
        Path folder = folder(put.group(4));
        Files.createDirectories(folder);
        boolean overwrite = "true".equalsIgnoreCase(options.getOrDefault("OVERWRITE", "false"));
        if (session.standIn.faults.skipUploads) {
            // the files are "already there": the driver skips them and uploads nothing
            overwrite = false;
            for (Path file : matching(source)) {
                Files.writeString(folder.resolve(file.getFileName() + ".gz"), "");
            }
        }
        ObjectNode reply = SnowflakeStandIn.JSON.createObjectNode().put("success", true);
        reply.putNull("code");
        reply.putNull("message");
        ObjectNode data = reply.putObject("data");
        data.put("command", "UPLOAD");
        data.putArray("src_locations").add(source);
        data.put("parallel", Integer.parseInt(options.getOrDefault("PARALLEL", "4")))
                .put("autoCompress", !"false".equalsIgnoreCase(options.getOrDefault("AUTO_COMPRESS", "true")))
                .put("sourceCompression", options.getOrDefault("SOURCE_COMPRESSION", "auto_detect").toLowerCase(Locale.ROOT))
                .put("overwrite", overwrite).put("queryId", Replies.queryId());
        data.putNull("encryptionMaterial");
        ObjectNode stageInfo = data.putObject("stageInfo");
        stageInfo.put("locationType", "LOCAL_FS").put("location", folder + "/").put("isClientSideEncrypted", false);
        stageInfo.putObject("creds");
        return reply;
    }

    /** COPY INTO: loads the named (or all) staged files of the prefix into the table, in the session's transaction. */
    JsonNode copyInto(Session session, String sql) throws IOException, SQLException {
        Matcher copy = COPY.matcher(sql);
        if (!copy.matches()) {
            return Replies.error("001003", "42000", "SQL compilation error:\nsyntax error in COPY INTO: " + sql);
        }
        String table = copy.group(1);
        Path folder = folder(copy.group(3));
        String rest = copy.group(4);
        Map<String, String> format = new LinkedHashMap<>();
        Matcher formatText = FILE_FORMAT.matcher(rest);
        if (formatText.find()) {
            format = options(formatText.group(1));
        }
        List<Path> files = new ArrayList<>();
        Matcher named = FILES.matcher(rest);
        if (named.find()) {
            Matcher name = STRING.matcher(named.group(1));
            while (name.find()) {
                Path file = folder.resolve(unquote(name.group(1)));
                if (!Files.isRegularFile(file)) {
                    return Replies.error("091016", "22000", "Remote file '" + unquote(name.group(1))
                            + "' was not found. There are several potential causes. The file might not exist.");
                }
                files.add(file);
            }
        } else if (Files.isDirectory(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        if (files.isEmpty()) {
            return Replies.status(session, Replies.COPY, "Copy executed with 0 files processed.");
        }
        List<String[]> rows = new ArrayList<>();
        int lost = session.standIn.faults.rowsLostByCopy;
        for (Path file : files) {
            long loaded = load(session, table, file, format, lost);
            long parsed = loaded + lost;
            lost = 0;
            rows.add(new String[] {root.relativize(file).toString(), "LOADED", Long.toString(parsed),
                    Long.toString(loaded), "1", "0", null, null, null, null});
        }
        if ("true".equalsIgnoreCase(options(rest).get("PURGE"))) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
        return Replies.rows(session, Replies.COPY, List.of(new String[] {"file", "text"},
                new String[] {"status", "text"}, new String[] {"rows_parsed", "fixed"}, new String[] {"rows_loaded", "fixed"},
                new String[] {"error_limit", "fixed"}, new String[] {"errors_seen", "fixed"},
                new String[] {"first_error", "text"}, new String[] {"first_error_line", "fixed"},
                new String[] {"first_error_character", "fixed"}, new String[] {"first_error_column_name", "text"}), rows);
    }

    private static long load(Session session, String table, Path file, Map<String, String> format, int lose)
            throws SQLException {
        String delimiter = literal(format.getOrDefault("FIELD_DELIMITER", "','"));
        String quote = literal(format.getOrDefault("FIELD_OPTIONALLY_ENCLOSED_BY", "NONE"));
        String header = format.getOrDefault("SKIP_HEADER", "0");
        String nullIf = format.getOrDefault("NULL_IF", "('\\\\N')");
        Matcher first = STRING.matcher(nullIf);
        String nullString = first.find() ? unquote(first.group(1))
                : "false".equalsIgnoreCase(format.get("EMPTY_FIELD_AS_NULL")) ? "\u0000" : "";
        String options = "(FORMAT csv, AUTO_DETECT false, DELIMITER " + sql(delimiter)
                + (quote == null ? "" : ", QUOTE " + sql(quote) + ", ESCAPE " + sql(quote))
                + ", HEADER " + (!header.equals("0")) + ", NULLSTR " + sql(nullString)
                + (file.toString().endsWith(".gz") ? ", COMPRESSION gzip" : "") + ")";
        try (Statement statement = session.connection.createStatement()) {
            if (lose == 0) {
                return statement.executeUpdate("COPY " + table + " FROM " + sql(file.toString()) + " " + options);
            }
            statement.execute("create temp table dl_stand_in_copy as select * from " + table + " limit 0");
            try {
                long all = statement.executeUpdate("COPY dl_stand_in_copy FROM " + sql(file.toString()) + " " + options);
                return statement.executeUpdate("insert into " + table + " select * from dl_stand_in_copy limit "
                        + Math.max(0, all - lose));
            } finally {
                statement.execute("drop table dl_stand_in_copy");
            }
        }
    }

    /** REMOVE and LIST on a stage folder. */
    JsonNode remove(Session session, String sql) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (Path file : staged(sql)) {
            Files.deleteIfExists(file);
            rows.add(new String[] {root.relativize(file).toString(), "removed"});
        }
        return Replies.rows(session, Replies.SELECT, List.of(new String[] {"name", "text"}, new String[] {"result", "text"}),
                rows);
    }

    JsonNode list(Session session, String sql) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (Path file : staged(sql)) {
            rows.add(new String[] {root.relativize(file).toString(), Long.toString(Files.size(file)), "",
                    Files.getLastModifiedTime(file).toString()});
        }
        return Replies.rows(session, Replies.SELECT, List.of(new String[] {"name", "text"}, new String[] {"size", "fixed"},
                new String[] {"md5", "text"}, new String[] {"last_modified", "text"}), rows);
    }

    private List<Path> staged(String sql) throws IOException {
        Matcher command = STAGE_COMMAND.matcher(sql);
        List<Path> files = new ArrayList<>();
        if (command.matches()) {
            Path folder = folder(command.group(2));
            if (Files.isDirectory(folder)) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    /** The folder standing for {@code @stage/prefix/}: one per stage name, the prefix as sub-folders. */
    private Path folder(String reference) {
        String text = reference.substring(1);
        int slash = text.indexOf('/');
        String name = slash < 0 ? text : text.substring(0, slash);
        String prefix = slash < 0 ? "" : text.substring(slash + 1);
        Path folder = root.resolve(name.replace("\"", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._~%-]", "_"));
        return prefix.isEmpty() ? folder : folder.resolve(prefix).normalize();
    }

    private static List<Path> matching(String source) throws IOException {
        Path path = Path.of(source);
        String name = path.getFileName().toString();
        if (!name.contains("*") && !name.contains("?")) {
            return List.of(path);
        }
        var glob = path.getFileSystem().getPathMatcher("glob:" + name);
        try (Stream<Path> list = Files.list(path.getParent())) {
            return list.filter(p -> glob.matches(p.getFileName())).toList();
        }
    }

    private static Map<String, String> options(String text) {
        Map<String, String> options = new LinkedHashMap<>();
        Matcher option = OPTION.matcher(text);
        while (option.find()) {
            options.put(option.group(1).toUpperCase(Locale.ROOT), option.group(2));
        }
        return options;
    }

    /** A Snowflake string literal's value ({@code NONE}: null). */
    private static String literal(String text) {
        Matcher string = STRING.matcher(text);
        return string.matches() ? unquote(string.group(1)) : null;
    }

    /** The text of a Snowflake string literal's body: backslash escapes and doubled quotes. */
    private static String unquote(String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    default -> next;
                });
            } else if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String sql(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
