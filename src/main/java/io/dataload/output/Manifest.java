package io.dataload.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partition folder's {@code _manifest.jsonl}: the files that are current, each with its rows,
 * bytes and the run that wrote it (null for a file that was there before the manifest), and the
 * files a compaction retired (merged into another, to be deleted). A reader that takes the files the
 * manifest lists sees every row exactly once at every moment: a change is made current after the
 * files it names exist and before the files it drops disappear.
 *
 * <p>The file is JSON lines, read in order: a line with {@code "files"} states the whole manifest
 * (a checkpoint: compaction replaces the file with one such line, under a temporary name renamed
 * over it, or one S3 PUT); a line with {@code "add"}, {@code "drop"}, {@code "retire"} or
 * {@code "cleared"} changes it (an extract's commit appends one line per partition, written in one
 * call, so that thousands of extracts into a partition cost one line each, not a rewrite each). A
 * last line without its line end is not written yet and is not read.
 */
public record Manifest(List<Entry> files, List<String> retired) {
    public static final String NAME = "_manifest.jsonl";

    /** One change: files added (replacing same-named ones), dropped, retired, or retired and now gone. */
    public record Change(List<Entry> add, List<String> drop, List<String> retire, List<String> cleared) {
        public Change {
            add = List.copyOf(add);
            drop = List.copyOf(drop);
            retire = List.copyOf(retire);
            cleared = List.copyOf(cleared);
        }

        public byte[] toJsonLine() throws IOException {
            ObjectNode root = JSON.createObjectNode();
            if (!add.isEmpty()) {
                ArrayNode list = root.putArray("add");
                add.forEach(e -> entryJson(list.addObject(), e));
            }
            if (!drop.isEmpty()) {
                ArrayNode list = root.putArray("drop");
                drop.forEach(list::add);
            }
            if (!retire.isEmpty()) {
                ArrayNode list = root.putArray("retire");
                retire.forEach(list::add);
            }
            if (!cleared.isEmpty()) {
                ArrayNode list = root.putArray("cleared");
                cleared.forEach(list::add);
            }
            return (JSON.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The manifest after a change. */
    public Manifest apply(Change change) {
        return replace(change.drop(), change.add(), change.retire()).withoutRetired(Set.copyOf(change.cleared()));
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Entry(String name, Long rows, long bytes, String run) {
    }

    public Manifest {
        files = List.copyOf(files);
        retired = List.copyOf(retired);
    }

    public static Manifest empty() {
        return new Manifest(List.of(), List.of());
    }

    /** The current files by name: built once for a loop over thousands of files (entry() looks one up by scanning). */
    public Map<String, Entry> index() {
        Map<String, Entry> byName = new LinkedHashMap<>();
        files.forEach(e -> byName.put(e.name(), e));
        return byName;
    }

    public Entry entry(String name) {
        return files.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    public long rows() {
        return files.stream().mapToLong(e -> e.rows() == null ? 0 : e.rows()).sum();
    }

    /** The same manifest without {@code dropped} and with {@code added} (replacing entries of the same name). */
    public Manifest replace(Collection<String> dropped, List<Entry> added, Collection<String> retiring) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        files.forEach(e -> byName.put(e.name(), e));
        dropped.forEach(byName::remove);
        added.forEach(e -> byName.put(e.name(), e));
        List<String> retire = new ArrayList<>(retired);
        retiring.stream().filter(r -> !retire.contains(r)).forEach(retire::add);
        retire.removeIf(byName::containsKey);
        return new Manifest(new ArrayList<>(byName.values()), retire);
    }

    public Manifest withoutRetired(Set<String> gone) {
        return new Manifest(files, retired.stream().filter(r -> !gone.contains(r)).toList());
    }

    /** The whole manifest as one checkpoint line. */
    public byte[] toJson() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode list = root.putArray("files");
        files.forEach(e -> entryJson(list.addObject(), e));
        ArrayNode retiredList = root.putArray("retired");
        retired.forEach(retiredList::add);
        return (JSON.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void entryJson(ObjectNode file, Entry e) {
        file.put("name", e.name());
        if (e.rows() == null) {
            file.putNull("rows");
        } else {
            file.put("rows", e.rows());
        }
        file.put("bytes", e.bytes());
        file.put("run", e.run());
    }

    private static Entry entry(JsonNode file) {
        return new Entry(file.path("name").asText(), file.path("rows").isNumber() ? file.path("rows").asLong() : null,
                file.path("bytes").asLong(), file.path("run").isTextual() ? file.path("run").asText() : null);
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.asText()));
        return names;
    }

    /** Reads the lines in order (see the class comment); a last line not ended is not written yet. */
    public static Manifest parse(byte[] bytes, String where) throws IOException {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        Manifest manifest = empty();
        int lineNo = 0;
        for (String line : (end < 0 ? "" : text.substring(0, end)).split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IOException(where + ":" + lineNo + ": not a manifest line (" + e.getOriginalMessage() + ")");
            }
            if (node == null || !node.isObject()) {
                throw new IOException(where + ":" + lineNo + ": not a manifest line");
            }
            if (node.has("files")) {
                List<Entry> files = new ArrayList<>();
                node.path("files").forEach(f -> files.add(entry(f)));
                manifest = new Manifest(files, names(node.path("retired")));
            }
            List<Entry> added = new ArrayList<>();
            node.path("add").forEach(f -> added.add(entry(f)));
            manifest = manifest.apply(new Change(added, names(node.path("drop")), names(node.path("retire")),
                    names(node.path("cleared"))));
        }
        return manifest;
    }
}
