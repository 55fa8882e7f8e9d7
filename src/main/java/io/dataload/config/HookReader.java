package io.dataload.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the parts of an action file that say what to do after an action: {@code OnError} policies
 * (Stop, Ignore, commands, native retry, chained runs) and {@code OnSuccess…}/notification values
 * (commands, chained runs, native notifications).
 */
public final class HookReader extends NodeReader {
    public HookReader(Problems problems) {
        super(problems);
    }

    ErrorPolicy readPolicy(Node node) {
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

    public List<Hook> readHooks(Node node, String key) {
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
            problems.add(item.location(), "\"" + key + "\" must be a shell command, {\"command\": ...}, {\"run\": {...}} or a"
                    + " notification, found "
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
            case "tableau":
                return readTableau(only.getValue(), "\"" + key + "\": \"tableau\"");
            default:
                problems.add(item.location(), "\"" + key + "\": \"" + only.getKey()
                        + "\" is not a known notification; use a shell command or one of {\"command\": ...}, {\"run\": {...}},"
                        + " {\"sns\": {...}}, {\"sqs\": {...}}, {\"slack\": {...}}, {\"servicenow\": {...}},"
                        + " {\"tableau\": {...}}");
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

    /** A tableau value: where it stands is said by {@code label}; null (with problems) when it cannot run. */
    TableauRefresh readTableau(Node node, String label) {
        if (!node.isObject()) {
            problems.add(node.location(), label + " must be an object like {\"server\": \"https://...\", \"site\": \"\","
                    + " \"project\": \"myproject\", \"datasource\": \"mydatasource\", \"wait\": \"30m\"}, found "
                    + node.typeName());
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        boolean complete = true;
        for (Map.Entry<String, Node> field : node.fields().entrySet()) {
            String text = scalarText(field.getValue());
            if (!TableauRefresh.KEYS.contains(field.getKey())) {
                problems.add(field.getValue().location(), label + ": unknown key \"" + field.getKey() + "\""
                        + Spelling.closest(field.getKey(), TableauRefresh.KEYS).map(k -> "; did you mean \"" + k + "\"?")
                        .orElse(" (known: " + String.join(", ", TableauRefresh.KEYS) + ")"));
            } else if (text == null) {
                problems.add(field.getValue().location(), label + ": \"" + field.getKey() + "\" must be a string");
                complete = false;
            } else {
                fields.put(field.getKey(), text);
            }
        }
        if (!fields.containsKey("server") && !node.fields().containsKey("server")) {
            problems.add(node.location(), label + ": missing \"server\": the Tableau Server or Cloud address, e.g."
                    + " \"#Tableau.Server#\"");
            complete = false;
        }
        boolean datasource = node.fields().containsKey("datasource");
        boolean workbook = node.fields().containsKey("workbook");
        if (datasource == workbook) {
            problems.add(node.location(), label + (datasource ? ": give either \"datasource\" or \"workbook\", not both"
                    : ": missing \"datasource\" (or \"workbook\"): the name of what to refresh"));
            complete = false;
        }
        java.time.Duration wait = duration(node, "wait", TableauRefresh.DEFAULT_WAIT, label);
        java.time.Duration poll = duration(node, "poll", TableauRefresh.DEFAULT_POLL, label);
        if (wait == null || poll == null) {
            complete = false;
        }
        return complete ? new TableauRefresh(Map.copyOf(fields), wait, poll, node.location()) : null;
    }

    private java.time.Duration duration(Node node, String key, java.time.Duration fallback, String label) {
        Node value = node.fields().get(key);
        if (value == null) {
            return fallback;
        }
        java.time.Duration parsed = value.isString() ? Retry.parseDuration(value.text()) : null;
        if (parsed == null || parsed.isZero()) {
            problems.add(value.location(), label + ": \"" + key + "\" must be a duration like 500ms, 30s, 10m or 1h, found "
                    + (value.isString() ? "\"" + value.text() + "\"" : value.typeName()));
            return null;
        }
        return parsed;
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
}
