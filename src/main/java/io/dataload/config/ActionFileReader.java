package io.dataload.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an action file in the Python tool's format into an {@link ActionFile}, reporting every
 * problem with its file, line and column.
 */
public final class ActionFileReader extends NodeReader {
    private static final String ON_SUCCESS = "OnSuccess";
    private static final String ON_SUCCESS_NOTIFICATION = "OnSuccessNotification";
    private static final String ON_ERROR_NOTIFICATION = "OnErrorNotification";
    private static final List<String> SPEC_OPTIONS = List.of(
            "tofile", "delimiter", "delimeter", "quotechar", "quoting", "doublequote", "escapechar",
            "lineterminator", "format", "manifest", "compression");
    private static final String ON_SLA_MISS = "OnSlaMiss";

    /** "$schema" points an editor at docs/action-file.schema.json; it means nothing to a run. */
    private static final List<String> FILE_KEYS = List.of("Tables", "Mode", "Placeholders", "OnError", ON_SUCCESS,
            ON_SUCCESS_NOTIFICATION, ON_ERROR_NOTIFICATION, "sla", ON_SLA_MISS, "$schema");
    private static final List<String> ENTRY_KEYS = List.of("name", "description", "scripts", "OnError");
    private static final List<String> SPEC_KEYS = List.of("file", "copy", "tableau", "foreach", "concurrency", "OnError", ON_SUCCESS, "timeout", "tofile", "delimiter",
            "delimeter", "quotechar", "quoting", "doublequote", "escapechar", "lineterminator", "format",
            "incremental", "manifest", "compression", "partition_by", "sla", ON_SLA_MISS);
    private static final List<String> EXTRACT_ONLY = List.of("format", "incremental", "manifest", "compression",
            "partition_by");

    private static final List<String> COPY_KEYS = List.of("from", "table", "delimiter", "quotechar", "header", "null",
            "encoding", "truncate", "parallel");

    /** Larger action or resource files are refused before they are read (they are never that big). */
    static final long MAX_BYTES = 16L << 20;

    private final HookReader hooks = new HookReader(problems);

    public ActionFileReader() {
        super(new Problems());
    }

    /** Keys the reader did not know, with the known key they were probably meant to be. */
    public List<Problem> warnings() {
        return problems.warnings();
    }

    /** Warns about a key that is not one of {@code known}: it is ignored, which is rarely what was meant. */
    private void checkKeys(Node object, List<String> known, String where) {
        for (Map.Entry<String, Node> field : object.fields().entrySet()) {
            String key = field.getKey();
            if (known.contains(key) || (known.contains(ON_SUCCESS) && key.startsWith(ON_SUCCESS))) {
                continue;
            }
            problems.warn(field.getValue().location(), where + "unknown key \"" + key + "\" is ignored"
                    + Spelling.closest(key, known).map(k -> "; did you mean \"" + k + "\"?").orElse(""));
        }
    }

    /**
     * @param displayPath the path as the user wrote it
     * @param path        the same path resolved against the working directory
     */
    public ActionFile read(String displayPath, Path path) throws ConfigException {
        Path shown = Path.of(displayPath);
        String text = readText(shown, path);
        Node root = new JsonTreeReader(shown).read(text);
        if (!root.isObject()) {
            throw new ConfigException(root.location(), "an action file must be a JSON object with \"Tables\", found "
                    + root.typeName());
        }
        Map<String, Node> fields = root.fields();
        checkKeys(root, FILE_KEYS, "");
        List<TableEntry> tables = readTables(fields.get("Tables"), root.location());
        Mode mode = readMode(fields.get("Mode"));
        List<Placeholder> placeholders = readPlaceholders(fields.get("Placeholders"));
        ErrorPolicy onError = hooks.readPolicy(fields.get("OnError"));
        Map<String, List<Hook>> byAction = new LinkedHashMap<>();
        List<Hook> onSuccess = List.of();
        for (Map.Entry<String, Node> field : fields.entrySet()) {
            String key = field.getKey();
            if (key.equals(ON_SUCCESS)) {
                onSuccess = hooks.readHooks(field.getValue(), key);
            } else if (key.startsWith(ON_SUCCESS) && !key.equals(ON_SUCCESS_NOTIFICATION)) {
                byAction.put(key.substring(ON_SUCCESS.length()), hooks.readHooks(field.getValue(), key));
            }
        }
        List<Hook> successNotification = hooks.readHooks(fields.get(ON_SUCCESS_NOTIFICATION), ON_SUCCESS_NOTIFICATION);
        List<Hook> errorNotification = hooks.readHooks(fields.get(ON_ERROR_NOTIFICATION), ON_ERROR_NOTIFICATION);
        Sla sla = readSla("the file", fields.get("sla"), fields.get(ON_SLA_MISS));
        problems.throwIfAny();
        return new ActionFile(displayPath, path, tables, mode, placeholders, onError, byAction, onSuccess,
                successNotification, errorNotification, sla);
    }

    static String readText(Path shown, Path path) throws ConfigException {
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new ConfigException(Location.file(shown), "the file is " + size / (1 << 20)
                        + " MB; action and resource files are limited to " + MAX_BYTES / (1 << 20) + " MB");
            }
            String text = Files.readString(path, StandardCharsets.UTF_8);
            // Windows editors start UTF-8 files with a byte-order mark: it is not part of the JSON
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw new ConfigException(Location.file(shown), "file not found");
        } catch (MalformedInputException e) {
            throw new ConfigException(Location.file(shown), "not a UTF-8 text file");
        } catch (IOException e) {
            throw new ConfigException(Location.file(shown), "cannot read: " + e.getMessage());
        }
    }

    private List<TableEntry> readTables(Node node, Location rootLocation) {
        List<TableEntry> tables = new ArrayList<>();
        if (node == null) {
            problems.add(rootLocation, "missing \"Tables\": the list of entries to run");
            return tables;
        }
        if (!node.isArray()) {
            problems.add(node.location(), "\"Tables\" must be a list of entries, found " + node.typeName());
            return tables;
        }
        Map<String, Location> seen = new LinkedHashMap<>();
        for (Node item : node.items()) {
            TableEntry entry = readTable(item);
            if (entry == null) {
                continue;
            }
            Location first = seen.putIfAbsent(entry.name(), entry.location());
            if (first != null) {
                problems.add(entry.location(), "table \"" + entry.name() + "\" is listed twice (first at line "
                        + first.line() + ")");
            }
            tables.add(entry);
        }
        return tables;
    }

    private TableEntry readTable(Node item) {
        if (!item.isObject()) {
            problems.add(item.location(), "an entry of \"Tables\" must be an object with \"name\" and \"scripts\", found "
                    + item.typeName());
            return null;
        }
        Map<String, Node> fields = item.fields();
        String name = requiredString(fields.get("name"), item.location(), "entry", "name");
        checkKeys(item, ENTRY_KEYS, name == null ? "entry: " : "table \"" + name + "\": ");
        String description = optionalString(fields.get("description"), "description");
        ErrorPolicy onError = hooks.readPolicy(fields.get("OnError"));
        Node scriptsNode = fields.get("scripts");
        Map<String, ActionSpec> scripts = new LinkedHashMap<>();
        String label = name == null ? "entry" : "table \"" + name + "\"";
        if (scriptsNode == null) {
            problems.add(item.location(), label + ": missing \"scripts\": the map from action name to script file");
        } else if (!scriptsNode.isObject()) {
            problems.add(scriptsNode.location(), label + ": \"scripts\" must be an object mapping action names to files, found "
                    + scriptsNode.typeName());
        } else {
            for (Map.Entry<String, Node> script : scriptsNode.fields().entrySet()) {
                ActionSpec spec = readSpec(label, script.getKey(), script.getValue());
                if (spec != null) {
                    scripts.put(script.getKey(), spec);
                }
            }
        }
        return name == null ? null : new TableEntry(name, description, scripts, onError, item.location());
    }

    private ActionSpec readSpec(String label, String action, Node node) {
        if (node.isString()) {
            return new ActionSpec(action, node.text(), null, node.location(), Map.of(), null, List.of(), null, null, null,
                    null, FileOutput.CSV, null);
        }
        if (!node.isObject()) {
            problems.add(node.location(), label + ": action \"" + action
                    + "\" must be a file path or an object with \"file\", found " + node.typeName());
            return null;
        }
        Map<String, Node> fields = node.fields();
        String where = label + ": action \"" + action + "\"";
        checkKeys(node, SPEC_KEYS, where + ": ");
        Node fileNode = fields.get("file");
        Node copyNode = fields.get("copy");
        Node tableauNode = fields.get("tableau");
        String file = null;
        CopySpec copy = null;
        TableauRefresh tableau = null;
        int given = (fileNode != null ? 1 : 0) + (copyNode != null ? 1 : 0) + (tableauNode != null ? 1 : 0);
        if (given > 1) {
            problems.add(node.location(), where + ": give one of \"file\", \"copy\" or \"tableau\", not several");
        } else if (copyNode != null) {
            copy = readCopy(where, copyNode);
        } else if (tableauNode != null) {
            tableau = hooks.readTableau(tableauNode, where + ": \"tableau\"");
        } else {
            file = requiredString(fileNode, node.location(), where, "file");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : SPEC_OPTIONS) {
            Node value = fields.get(option);
            if (value != null) {
                String text = scalarText(value);
                if (text == null) {
                    problems.add(value.location(), where + ": \"" + option + "\" must be a string, found " + value.typeName());
                } else {
                    options.put(option, text);
                }
            }
        }
        Incremental incremental = null;
        FileOutput output = FileOutput.CSV;
        if (action.equals("extract")) {
            try {
                CsvDialect.fromOptions(options);
            } catch (IllegalArgumentException e) {
                problems.add(node.location(), where + ": " + e.getMessage());
            }
            output = readOutput(where, options, fields);
            incremental = readIncremental(where, fields.get("incremental"));
        } else {
            for (String key : EXTRACT_ONLY) {
                if (fields.containsKey(key)) {
                    problems.add(fields.get(key).location(), where + ": \"" + key + "\" is an extract option");
                }
            }
        }
        ErrorPolicy onError = hooks.readPolicy(fields.get("OnError"));
        List<Hook> onSuccess = hooks.readHooks(fields.get(ON_SUCCESS), ON_SUCCESS);
        java.time.Duration timeout = null;
        Node timeoutNode = fields.get("timeout");
        if (timeoutNode != null) {
            timeout = timeoutNode.isString() ? Retry.parseDuration(timeoutNode.text()) : null;
            if (timeout == null || timeout.isZero()) {
                problems.add(timeoutNode.location(), where + ": \"timeout\" must be a duration like 500ms, 30s, 10m or 1h");
            }
        }
        if (file == null && copy == null && tableau == null) {
            return null;
        }
        Location location = copy != null ? copy.location() : tableau != null ? tableau.location() : fileNode.location();
        Foreach foreach = readForeach(where, fields.get("foreach"), fields.get("concurrency"));
        Sla sla = readSla(where, fields.get("sla"), fields.get(ON_SLA_MISS));
        return new ActionSpec(action, file, copy, location, options, onError, onSuccess, timeout, incremental, tableau,
                foreach, output, sla);
    }

    /** The extract formats: the Python tool's CSV, JSON lines, Parquet and Avro. */
    public static final List<String> EXTRACT_FORMATS = FileOutput.FORMATS;

    /** An extract's {@code format}, {@code compression} and {@code partition_by}. */
    private FileOutput readOutput(String where, Map<String, String> options, Map<String, Node> fields) {
        String format = options.getOrDefault("format", "csv");
        if (!EXTRACT_FORMATS.contains(format)) {
            problems.add(fields.get("format").location(), where + ": \"format\" must be one of "
                    + String.join(", ", EXTRACT_FORMATS) + ", found \"" + format + "\""
                    + Spelling.closest(format, EXTRACT_FORMATS).map(k -> "; did you mean \"" + k + "\"?").orElse(""));
            return FileOutput.CSV;
        }
        String codec = options.getOrDefault("compression", FileOutput.CODECS.get(format).get(0));
        String problem = FileOutput.codecProblem(format, codec);
        if (problem != null) {
            problems.add(fields.get("compression").location(), where + ": " + problem);
            codec = FileOutput.CODECS.get(format).get(0);
        }
        List<PartitionKey> keys = new ArrayList<>();
        Node partitions = fields.get("partition_by");
        if (partitions != null) {
            if (!partitions.isArray() || partitions.items().isEmpty()) {
                problems.add(partitions.location(), where + ": \"partition_by\" must be a list of columns like"
                        + " [\"event\", \"date(at)\"], found " + (partitions.isArray() ? "an empty list" : partitions.typeName()));
            } else {
                Map<String, PartitionKey> seen = new LinkedHashMap<>();
                for (Node item : partitions.items()) {
                    if (!item.isString()) {
                        problems.add(item.location(), where + ": \"partition_by\": a column name or date(column),"
                                + " found " + item.typeName());
                        continue;
                    }
                    try {
                        PartitionKey key = PartitionKey.parse(item.text(), item.location());
                        PartitionKey before = seen.putIfAbsent(key.name().toLowerCase(java.util.Locale.ROOT), key);
                        if (before != null) {
                            problems.add(item.location(), where + ": \"partition_by\": \"" + key + "\" and \"" + before
                                    + "\" would both be folders named " + key.name() + "=");
                        } else {
                            keys.add(key);
                        }
                    } catch (IllegalArgumentException e) {
                        problems.add(item.location(), where + ": \"partition_by\": " + e.getMessage());
                    }
                }
            }
        }
        return new FileOutput(format, codec, keys);
    }

    /** {@code "sla": "30m"} and the {@code OnSlaMiss} handlers (null when there is no sla). */
    private Sla readSla(String where, Node slaNode, Node onMissNode) {
        List<Hook> onMiss = hooks.readHooks(onMissNode, ON_SLA_MISS);
        if (slaNode == null) {
            return onMiss.isEmpty() ? null : new Sla(null, onMiss, onMissNode.location());
        }
        java.time.Duration after = slaNode.isString() ? Retry.parseDuration(slaNode.text()) : null;
        if (after == null || after.isZero()) {
            problems.add(slaNode.location(), where + ": \"sla\" must be a duration like 30s, 30m or 2h, found "
                    + (slaNode.isString() ? "\"" + slaNode.text() + "\"" : slaNode.typeName()));
            return null;
        }
        return new Sla(after, onMiss, slaNode.location());
    }

    private Incremental readIncremental(String where, Node node) {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(node.location(), where + ": \"incremental\" must be an object like {\"columns\": [\"updated_at\","
                    + " \"id\"], \"lag\": \"5m\"}, found " + node.typeName());
            return null;
        }
        checkKeys(node, List.of("columns", "lag", "start"), where + ": incremental: ");
        Node columns = node.fields().get("columns");
        List<String> names = new ArrayList<>();
        if (columns == null || !columns.isArray() || columns.items().isEmpty()) {
            problems.add(columns == null ? node.location() : columns.location(), where
                    + ": incremental needs \"columns\": a list of one or more column names, the first a time or a growing number");
        } else {
            for (Node column : columns.items()) {
                if (!column.isString() || column.text().isBlank()) {
                    problems.add(column.location(), where + ": incremental columns are names, found " + column.typeName());
                } else {
                    names.add(column.text());
                }
            }
        }
        java.time.Duration lag = java.time.Duration.ZERO;
        Node lagNode = node.fields().get("lag");
        if (lagNode != null) {
            lag = lagNode.isString() ? Retry.parseDuration(lagNode.text()) : null;
            if (lag == null) {
                problems.add(lagNode.location(), where + ": incremental \"lag\" must be a duration like 30s or 5m");
                lag = java.time.Duration.ZERO;
            }
        }
        Node start = node.fields().get("start");
        return names.isEmpty() ? null : new Incremental(names, lag, start == null ? null : scalarText(start), node.location());
    }

    /** {@code "foreach": {"files" | "s3" | "query": TEXT}} and its {@code "concurrency"}; null when absent. */
    private Foreach readForeach(String where, Node node, Node concurrencyNode) {
        if (node == null) {
            if (concurrencyNode != null) {
                problems.add(concurrencyNode.location(), where + ": \"concurrency\" applies to \"foreach\": how many items"
                        + " run at once");
            }
            return null;
        }
        String example = "{\"files\": \"landing/*.json\"}, {\"s3\": \"s3://bucket/prefix/\"} or {\"query\": \"select ...\"}";
        if (!node.isObject() || node.fields().size() != 1) {
            problems.add(node.location(), where + ": \"foreach\" must be one of " + example + ", found "
                    + (node.isObject() ? "an object with " + node.fields().size() + " keys" : node.typeName()));
            return null;
        }
        Map.Entry<String, Node> only = node.fields().entrySet().iterator().next();
        String kind = only.getKey();
        if (!Foreach.KINDS.contains(kind)) {
            problems.add(only.getValue().location(), where + ": \"foreach\": unknown source \"" + kind + "\""
                    + Spelling.closest(kind, Foreach.KINDS).map(k -> "; did you mean \"" + k + "\"?")
                    .orElse("; use " + example));
            return null;
        }
        String value = requiredString(only.getValue(), node.location(), where + ": \"foreach\"", kind);
        if (value == null) {
            return null;
        }
        if (kind.equals("s3") && !value.startsWith("s3://")) {
            problems.add(only.getValue().location(), where + ": \"foreach\": \"s3\" must be an s3://bucket/prefix/ URL,"
                    + " found \"" + value + "\"");
            return null;
        }
        if (value.contains("#item")) {
            problems.add(only.getValue().location(), where + ": \"foreach\": the source cannot use #item#: it is what"
                    + " lists the items");
            return null;
        }
        int concurrency = 1;
        if (concurrencyNode != null) {
            String text = scalarText(concurrencyNode);
            try {
                concurrency = Integer.parseInt(text == null ? "" : text.strip());
            } catch (NumberFormatException e) {
                concurrency = 0;
            }
            if (concurrency < 1 || concurrency > 1024) {
                problems.add(concurrencyNode.location(), where + ": \"concurrency\" must be a whole number from 1 to 1024,"
                        + " found " + (text == null ? concurrencyNode.typeName() : "\"" + text + "\""));
                return null;
            }
        }
        return new Foreach(kind, value, concurrency, only.getValue().location());
    }

    private CopySpec readCopy(String where, Node node) {
        if (!node.isObject()) {
            problems.add(node.location(), where + ": \"copy\" must be an object like {\"from\": \"data/x.csv\", \"table\": \"x\"}, found "
                    + node.typeName());
            return null;
        }
        Map<String, Node> fields = node.fields();
        String label = where + ": \"copy\"";
        checkKeys(node, COPY_KEYS, label + ": ");
        String from = requiredString(fields.get("from"), node.location(), label, "from");
        String table = requiredString(fields.get("table"), node.location(), label, "table");
        char delimiter = copyChar(label, fields.get("delimiter"), ',');
        char quote = copyChar(label, fields.get("quotechar"), '"');
        boolean header = copyFlag(label, fields.get("header"), "header");
        boolean truncate = copyFlag(label, fields.get("truncate"), "truncate");
        Node nullNode = fields.get("null");
        String nullString = nullNode == null ? "" : scalarText(nullNode);
        if (nullString == null) {
            problems.add(nullNode.location(), label + ": \"null\" must be a string");
        }
        Node encodingNode = fields.get("encoding");
        String encoding = encodingNode == null ? "UTF-8" : scalarText(encodingNode);
        if (from == null || table == null || nullString == null || encoding == null) {
            return null;
        }
        Integer parallel = null;
        Node parallelNode = fields.get("parallel");
        if (parallelNode != null) {
            String text = scalarText(parallelNode);
            try {
                parallel = text == null ? null : Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                parallel = null;
            }
            if (parallel == null || parallel < 1 || parallel > 64) {
                problems.add(parallelNode.location(), label + ": \"parallel\" must be a number of streams from 1 to 64, found "
                        + (text == null ? parallelNode.typeName() : "\"" + text + "\""));
                parallel = null;
            }
        }
        return new CopySpec(from, table, delimiter, quote, header, nullString, encoding, truncate, parallel,
                fields.get("from").location());
    }

    private boolean copyFlag(String label, Node node, String name) {
        if (node == null) {
            return false;
        }
        String text = scalarText(node);
        if ("True".equalsIgnoreCase(text) || "False".equalsIgnoreCase(text)) {
            return "True".equalsIgnoreCase(text);
        }
        problems.add(node.location(), label + ": \"" + name + "\" must be true or false");
        return false;
    }

    private char copyChar(String label, Node node, char fallback) {
        if (node == null) {
            return fallback;
        }
        String text = scalarText(node);
        if (text == null || text.length() != 1) {
            problems.add(node.location(), label + ": \"" + (fallback == ',' ? "delimiter" : "quotechar")
                    + "\" must be a single character");
            return fallback;
        }
        return text.charAt(0);
    }

    private Mode readMode(Node node) {
        if (node == null) {
            return Mode.SEQUENTIAL;
        }
        if (node.isString()) {
            for (Mode mode : Mode.values()) {
                if (mode.fileName().equalsIgnoreCase(node.text().trim())) {
                    return mode;
                }
            }
        }
        problems.add(node.location(), "\"Mode\" must be \"Sequential\" or \"Parallel\", found "
                + (node.isString() ? "\"" + node.text() + "\"" : node.typeName()));
        return Mode.SEQUENTIAL;
    }

    private List<Placeholder> readPlaceholders(Node node) {
        List<Placeholder> list = new ArrayList<>();
        if (node == null) {
            return list;
        }
        if (!node.isArray()) {
            problems.add(node.location(), "\"Placeholders\" must be a list of {\"name\": ..., \"value\": ...}, found "
                    + node.typeName());
            return list;
        }
        for (Node item : node.items()) {
            if (!item.isObject()) {
                problems.add(item.location(), "a placeholder must be an object {\"name\": \"#key#\", \"value\": \"...\"}, found "
                        + item.typeName());
                continue;
            }
            String name = requiredString(item.fields().get("name"), item.location(), "placeholder", "name");
            Node valueNode = item.fields().get("value");
            String value = valueNode == null ? null : scalarText(valueNode);
            if (valueNode == null) {
                problems.add(item.location(), "placeholder" + (name == null ? "" : " \"" + name + "\"")
                        + ": missing \"value\"");
            } else if (value == null) {
                problems.add(valueNode.location(), "placeholder \"" + name + "\": \"value\" must be a string or number, found "
                        + valueNode.typeName());
            }
            if (name != null && value != null) {
                list.add(new Placeholder(name, value, valueNode.location()));
            }
        }
        return list;
    }

}
