package io.dataload.config;

/** What the readers of the action file's parts share: the problems found so far, and reading scalars. */
abstract class NodeReader {
    final Problems problems;

    NodeReader(Problems problems) {
        this.problems = problems;
    }

    String requiredString(Node node, Location parent, String what, String key) {
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

    String optionalString(Node node, String key) {
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
