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
import java.util.Locale;
import java.util.Map;

/**
 * Reads an action file in the Python tool's format into an {@link ActionFile}, reporting every
 * problem with its file, line and column.
 */
public final class ActionFileReader {
    private static final String ON_SUCCESS = "OnSuccess";
    private static final String ON_SUCCESS_NOTIFICATION = "OnSuccessNotification";
    private static final String ON_ERROR_NOTIFICATION = "OnErrorNotification";
    private static final List<String> SPEC_OPTIONS = List.of(
            "tofile", "delimiter", "delimeter", "quotechar", "quoting", "doublequote", "escapechar",
            "lineterminator");

    private static final List<String> FILE_KEYS = List.of("Tables", "Mode", "Placeholders", "OnError", ON_SUCCESS,
            ON_SUCCESS_NOTIFICATION, ON_ERROR_NOTIFICATION);
    private static final List<String> ENTRY_KEYS = List.of("name", "description", "scripts", "OnError");
    private static final List<String> SPEC_KEYS = List.of("file", "copy", "OnError", ON_SUCCESS, "timeout", "tofile", "delimiter",
            "delimeter", "quotechar", "quoting", "doublequote", "escapechar", "lineterminator");

    /** Larger action or resource files are refused before they are read (they are never that big). */
    static final long MAX_BYTES = 16L << 20;

    private final Problems problems = new Problems();

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
        ErrorPolicy onError = readPolicy(fields.get("OnError"));
        Map<String, List<Hook>> byAction = new LinkedHashMap<>();
        List<Hook> onSuccess = List.of();
        for (Map.Entry<String, Node> field : fields.entrySet()) {
            String key = field.getKey();
            if (key.equals(ON_SUCCESS)) {
                onSuccess = readHooks(field.getValue(), key);
            } else if (key.startsWith(ON_SUCCESS) && !key.equals(ON_SUCCESS_NOTIFICATION)) {
                byAction.put(key.substring(ON_SUCCESS.length()), readHooks(field.getValue(), key));
            }
        }
        List<Hook> successNotification = readHooks(fields.get(ON_SUCCESS_NOTIFICATION), ON_SUCCESS_NOTIFICATION);
        List<Hook> errorNotification = readHooks(fields.get(ON_ERROR_NOTIFICATION), ON_ERROR_NOTIFICATION);
        problems.throwIfAny();
        return new ActionFile(displayPath, path, tables, mode, placeholders, onError, byAction, onSuccess,
                successNotification, errorNotification);
    }

    static String readText(Path shown, Path path) throws ConfigException {
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new ConfigException(Location.file(shown), "the file is " + size / (1 << 20)
                        + " MB; action and resource files are limited to " + MAX_BYTES / (1 << 20) + " MB");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
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
        ErrorPolicy onError = readPolicy(fields.get("OnError"));
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
            return new ActionSpec(action, node.text(), null, node.location(), Map.of(), null, List.of(), null);
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
        String file = null;
        CopySpec copy = null;
        if (copyNode != null && fileNode != null) {
            problems.add(copyNode.location(), where + ": give either \"file\" or \"copy\", not both");
        } else if (copyNode != null) {
            copy = readCopy(where, copyNode);
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
        if (action.equals("extract")) {
            try {
                CsvDialect.fromOptions(options);
            } catch (IllegalArgumentException e) {
                problems.add(node.location(), where + ": " + e.getMessage());
            }
        }
        ErrorPolicy onError = readPolicy(fields.get("OnError"));
        List<Hook> onSuccess = readHooks(fields.get(ON_SUCCESS), ON_SUCCESS);
        java.time.Duration timeout = null;
        Node timeoutNode = fields.get("timeout");
        if (timeoutNode != null) {
            timeout = timeoutNode.isString() ? Retry.parseDuration(timeoutNode.text()) : null;
            if (timeout == null || timeout.isZero()) {
                problems.add(timeoutNode.location(), where + ": \"timeout\" must be a duration like 500ms, 30s, 10m or 1h");
            }
        }
        if (file == null && copy == null) {
            return null;
        }
        Location location = copy != null ? copy.location() : fileNode.location();
        return new ActionSpec(action, file, copy, location, options, onError, onSuccess, timeout);
    }

    private CopySpec readCopy(String where, Node node) {
        if (!node.isObject()) {
            problems.add(node.location(), where + ": \"copy\" must be an object like {\"from\": \"data/x.csv\", \"table\": \"x\"}, found "
                    + node.typeName());
            return null;
        }
        Map<String, Node> fields = node.fields();
        String label = where + ": \"copy\"";
        String from = requiredString(fields.get("from"), node.location(), label, "from");
        String table = requiredString(fields.get("table"), node.location(), label, "table");
        char delimiter = copyChar(label, fields.get("delimiter"), ',');
        char quote = copyChar(label, fields.get("quotechar"), '"');
        Node headerNode = fields.get("header");
        boolean header = false;
        if (headerNode != null) {
            String text = scalarText(headerNode);
            if ("True".equalsIgnoreCase(text) || "False".equalsIgnoreCase(text)) {
                header = "True".equalsIgnoreCase(text);
            } else {
                problems.add(headerNode.location(), label + ": \"header\" must be true or false");
            }
        }
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
        return new CopySpec(from, table, delimiter, quote, header, nullString, encoding, fields.get("from").location());
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

    private ErrorPolicy readPolicy(Node node) {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(node.location(), "\"OnError\" must be an object like {\"does not exist\": [\"Ignore\"], \"AnyOther\": [\"Stop\"]}, found "
                    + node.typeName());
            return null;
        }
        List<ErrorRule> rules = new ArrayList<>();
        List<Answer> anyOther = null;
        for (Map.Entry<String, Node> field : node.fields().entrySet()) {
            List<Answer> answers = readAnswers(field.getKey(), field.getValue());
            if (field.getKey().equals(ErrorPolicy.ANY_OTHER)) {
                anyOther = answers;
            } else if (field.getKey().isEmpty()) {
                problems.add(field.getValue().location(), "\"OnError\": an empty key matches every error; use \"AnyOther\"");
            } else {
                rules.add(new ErrorRule(field.getKey(), answers, field.getValue().location()));
            }
        }
        return new ErrorPolicy(rules, anyOther, node.location());
    }

    private List<Answer> readAnswers(String key, Node node) {
        List<Answer> answers = new ArrayList<>();
        if (!node.isArray()) {
            problems.add(node.location(), "\"OnError\" \"" + key + "\": must be a list with one answer per attempt, like [\"Stop\"], found "
                    + node.typeName());
            return answers;
        }
        for (Node item : node.items()) {
            Answer answer = readAnswer(key, item);
            if (answer != null) {
                answers.add(answer);
            }
        }
        return answers;
    }

    private Answer readAnswer(String key, Node item) {
        if (item.isObject() && item.fields().size() == 1 && item.fields().containsKey("run")) {
            return readChain(item.fields().get("run"), "OnError\" \"" + key);
        }
        if (item.isObject() && item.fields().size() == 1 && item.fields().containsKey("retry")) {
            return readRetry(key, item.fields().get("retry"));
        }
        if (!item.isString()) {
            problems.add(item.location(), "\"OnError\" \"" + key + "\": an answer must be \"Stop\", \"Ignore\", a shell command, {\"retry\": {...}} or {\"run\": {...}}, found "
                    + item.typeName());
            return null;
        }
        String text = item.text();
        if (text.equals("Stop")) {
            return new Answer.Stop(item.location());
        }
        if (text.equals("Ignore")) {
            return new Answer.Ignore(item.location());
        }
        String lower = text.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("stop") || lower.equals("ignore")) {
            String proper = lower.equals("stop") ? "Stop" : "Ignore";
            problems.add(item.location(), "\"OnError\" \"" + key + "\": \"" + text + "\" would run as a shell command; write \""
                    + proper + "\"");
            return null;
        }
        if (text.isBlank()) {
            problems.add(item.location(), "\"OnError\" \"" + key + "\": an empty answer; write \"Stop\", \"Ignore\" or a command");
            return null;
        }
        return new Command(text, item.location());
    }

    private Retry readRetry(String key, Node node) {
        String label = "\"OnError\" \"" + key + "\": \"retry\"";
        Node after = node.isObject() ? node.fields().get("after") : null;
        if (after == null || !after.isString() || node.fields().size() != 1) {
            problems.add(node.location(), label + " must be {\"after\": \"30s\"} (500ms, 30s, 5m or 1h)");
            return null;
        }
        java.time.Duration delay = Retry.parseDuration(after.text());
        if (delay == null) {
            problems.add(after.location(), label + ": \"" + after.text()
                    + "\" is not a duration; write it like 500ms, 30s, 5m or 1h");
            return null;
        }
        return new Retry(delay, node.location());
    }

    private List<Hook> readHooks(Node node, String key) {
        if (node == null) {
            return List.of();
        }
        List<Hook> hooks = new ArrayList<>();
        for (Node item : node.isArray() ? node.items() : List.of(node)) {
            Hook hook = readHook(item, key);
            if (hook != null) {
                hooks.add(hook);
            }
        }
        return hooks;
    }

    private Hook readHook(Node item, String key) {
        if (item.isString()) {
            return new Command(item.text(), item.location());
        }
        if (!item.isObject() || item.fields().size() != 1) {
            problems.add(item.location(), "\"" + key + "\" must be a shell command, {\"command\": ...} or {\"run\": {...}}, found "
                    + (item.isObject() ? "an object with " + item.fields().size() + " keys" : item.typeName()));
            return null;
        }
        Map.Entry<String, Node> only = item.fields().entrySet().iterator().next();
        switch (only.getKey()) {
            case "command":
                if (only.getValue().isString()) {
                    return new Command(only.getValue().text(), only.getValue().location());
                }
                problems.add(only.getValue().location(), "\"" + key + "\": \"command\" must be a string, found "
                        + only.getValue().typeName());
                return null;
            case "run":
                return readChain(only.getValue(), key);
            case "sns":
            case "sqs":
            case "slack":
            case "servicenow":
                return readNotification(only.getKey(), only.getValue(), key);
            default:
                problems.add(item.location(), "\"" + key + "\": \"" + only.getKey()
                        + "\" is not a known notification; use a shell command or one of {\"command\": ...}, {\"run\": {...}},"
                        + " {\"sns\": {...}}, {\"sqs\": {...}}, {\"slack\": {...}}, {\"servicenow\": {...}}");
                return null;
        }
    }

    private Notification readNotification(String kind, Node node, String key) {
        String label = "\"" + key + "\": \"" + kind + "\"";
        List<List<String>> spec = Notification.KINDS.get(kind);
        if (!node.isObject()) {
            problems.add(node.location(), label + " must be an object with " + String.join(", ", spec.get(0)));
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        boolean complete = true;
        for (Map.Entry<String, Node> field : node.fields().entrySet()) {
            String text = scalarText(field.getValue());
            if (!spec.get(0).contains(field.getKey()) && !spec.get(1).contains(field.getKey())) {
                List<String> known = new ArrayList<>(spec.get(0));
                known.addAll(spec.get(1));
                problems.add(field.getValue().location(), label + ": unknown key \"" + field.getKey() + "\""
                        + Spelling.closest(field.getKey(), known).map(k -> "; did you mean \"" + k + "\"?")
                        .orElse(" (known: " + String.join(", ", known) + ")"));
            } else if (text == null) {
                problems.add(field.getValue().location(), label + ": \"" + field.getKey() + "\" must be a string");
                complete = false;
            } else {
                fields.put(field.getKey(), text);
            }
        }
        for (String required : spec.get(0)) {
            if (!fields.containsKey(required) && !node.fields().containsKey(required)) {
                problems.add(node.location(), label + ": missing \"" + required + "\"");
                complete = false;
            }
        }
        return complete ? new Notification(kind, Map.copyOf(fields), node.location()) : null;
    }

    private ChainRun readChain(Node node, String key) {
        String label = "\"" + key + "\": \"run\"";
        if (!node.isObject()) {
            problems.add(node.location(), label + " must be an object like {\"file\": \"x.json\", \"action\": \"create\"}, found "
                    + node.typeName());
            return null;
        }
        Map<String, Node> fields = node.fields();
        for (String name : fields.keySet()) {
            if (!List.of("file", "action", "resources", "table", "params").contains(name)) {
                problems.add(fields.get(name).location(), label + ": unknown key \"" + name
                        + "\" (known: file, action, resources, table, params)");
            }
        }
        String file = requiredString(fields.get("file"), node.location(), label, "file");
        String action = requiredString(fields.get("action"), node.location(), label, "action");
        String resources = optionalString(fields.get("resources"), "resources");
        String table = optionalString(fields.get("table"), "table");
        Map<String, String> params = new LinkedHashMap<>();
        Node paramsNode = fields.get("params");
        if (paramsNode != null) {
            if (!paramsNode.isObject()) {
                problems.add(paramsNode.location(), label + ": \"params\" must be an object of names to values");
            } else {
                paramsNode.fields().forEach((name, value) -> {
                    String text = scalarText(value);
                    if (text == null) {
                        problems.add(value.location(), label + ": parameter \"" + name + "\" must be a string or number");
                    } else {
                        params.put(name, text);
                    }
                });
            }
        }
        if (file == null || action == null) {
            return null;
        }
        return new ChainRun(file, action, resources, table, Map.copyOf(params), node.location());
    }

    private String requiredString(Node node, Location parent, String what, String key) {
        if (node == null) {
            problems.add(parent, what + ": missing \"" + key + "\"");
            return null;
        }
        if (!node.isString() || node.text().isBlank()) {
            problems.add(node.location(), what + ": \"" + key + "\" must be a non-empty string, found "
                    + (node.isString() ? "an empty string" : node.typeName()));
            return null;
        }
        return node.text();
    }

    private String optionalString(Node node, String key) {
        if (node == null || node.value() == null) {
            return null;
        }
        String text = scalarText(node);
        if (text == null) {
            problems.add(node.location(), "\"" + key + "\" must be a string, found " + node.typeName());
        }
        return text;
    }

    /** A scalar as Python's {@code str()} would print it; null for objects and lists. */
    static String scalarText(Node node) {
        Object value = node.value();
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Number) {
            return PythonText.str(value);
        }
        return null;
    }
}
