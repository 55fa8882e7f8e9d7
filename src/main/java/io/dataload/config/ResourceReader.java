package io.dataload.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

/** Reads the YAML resource file and flattens it into placeholder keys. */
public final class ResourceReader {

    public Resources read(String displayPath, Path path) throws ConfigException {
        return parse(displayPath, ActionFileReader.readText(Path.of(displayPath), path));
    }

    /** The resources in this YAML text, read from {@code displayPath}. */
    public Resources parse(String displayPath, String text) throws ConfigException {
        Path shown = Path.of(displayPath);
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true);
            options.setMaxAliasesForCollections(50);
            Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                    new DumperOptions(), options, new DatesAsText());
            root = yaml.load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Location at = mark == null ? Location.file(shown) : Location.of(shown, mark.getLine() + 1, mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new ConfigException(at, "invalid YAML: " + oneLine(problem));
        } catch (YAMLException e) {
            throw new ConfigException(Location.file(shown), "invalid YAML: " + oneLine(e.getMessage()));
        }
        Map<String, String> flat = new LinkedHashMap<>();
        if (root == null) {
            return new Resources(displayPath, flat);
        }
        if (!(root instanceof Map)) {
            throw new ConfigException(Location.of(shown, 1, 1), "a resource file must be a YAML mapping of keys to values");
        }
        flatten("", root, flat);
        Map<String, Location> locations = new LinkedHashMap<>();
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true);
            options.setMaxAliasesForCollections(50);
            locate("", new Yaml(options).compose(new java.io.StringReader(text)), shown, locations);
        } catch (YAMLException e) {
            // it loaded above: places are only for messages
        }
        return new Resources(displayPath, flat, locations);
    }

    /** Where each flattened key is written: a value's line, and a section's (its key's) line. */
    private static void locate(String prefix, org.yaml.snakeyaml.nodes.Node node, Path file, Map<String, Location> out) {
        if (node instanceof org.yaml.snakeyaml.nodes.MappingNode mapping) {
            for (org.yaml.snakeyaml.nodes.NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode key) {
                    String name = prefix.isEmpty() ? key.getValue() : prefix + "." + key.getValue();
                    out.putIfAbsent(name, at(file, key.getStartMark()));
                    locate(name, tuple.getValueNode(), file, out);
                }
            }
        } else if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                locate(prefix + "[" + i + "]", sequence.getValue().get(i), file, out);
            }
        }
    }

    private static Location at(Path file, Mark mark) {
        return Location.of(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static void flatten(String prefix, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = PythonText.str(entry.getKey());
                flatten(prefix.isEmpty() ? key : prefix + "." + key, entry.getValue(), out);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else if (!prefix.isEmpty()) {
            out.put(prefix, PythonText.str(value));
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }

    /** Keeps dates and timestamps as written, which is what Python's str() of them prints. */
    private static final class DatesAsText extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }
}
