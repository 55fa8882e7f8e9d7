package io.dataload.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * YAML read into the same located {@link Node} tree as JSON, so that every problem in a YAML file
 * names its line and column. Scalars stay text (a cron line, a duration, a zone); a key given twice
 * is an error.
 */
public final class YamlTreeReader {
    private final String file;

    public YamlTreeReader(String file) {
        this.file = file;
    }

    public Node read(String text) throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        org.yaml.snakeyaml.nodes.Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ConfigException(mark == null ? new Location(file, 0, 0)
                    : new Location(file, mark.getLine() + 1, mark.getColumn() + 1),
                    "invalid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new ConfigException(new Location(file, 0, 0), "invalid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new ConfigException(new Location(file, 1, 1), "the file is empty");
        }
        return convert(root);
    }

    private Node convert(org.yaml.snakeyaml.nodes.Node node) {
        Location at = new Location(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
        if (node instanceof MappingNode mapping) {
            Map<String, Node> fields = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
                fields.put(key, convert(tuple.getValueNode()));
            }
            return new Node(fields, at);
        }
        if (node instanceof SequenceNode sequence) {
            List<Node> items = new ArrayList<>();
            sequence.getValue().forEach(item -> items.add(convert(item)));
            return new Node(items, at);
        }
        ScalarNode scalar = (ScalarNode) node;
        boolean isNull = scalar.getTag().getValue().endsWith(":null");
        return new Node(isNull ? null : scalar.getValue(), at);
    }
}
