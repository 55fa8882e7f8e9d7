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
 * A partition folder's {@code _manifest.json}: the files that are current, each with its rows,
 * bytes and the run that wrote it (null for a file that was there before the manifest), and the
 * files a compaction retired (merged into another, to be deleted). A reader that takes the files the
 * manifest lists sees every row exactly once at every moment: the manifest is replaced whole (a
 * rename, or one S3 PUT), after the files it names exist and before the files it drops disappear.
 */
public record Manifest(List<Entry> files, List<String> retired) {
    public static final String NAME = "_manifest.json";
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

    public Entry entry(String name) {
        return files.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    public boolean lists(String name) {
        return entry(name) != null;
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

    public byte[] toJson() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode list = root.putArray("files");
        for (Entry e : files) {
            ObjectNode file = list.addObject();
            file.put("name", e.name());
            if (e.rows() == null) {
                file.putNull("rows");
            } else {
                file.put("rows", e.rows());
            }
            file.put("bytes", e.bytes());
            file.put("run", e.run());
        }
        ArrayNode retiredList = root.putArray("retired");
        retired.forEach(retiredList::add);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    public static Manifest parse(byte[] bytes, String where) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(where + ": not a manifest (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.path("files").isArray()) {
            throw new IOException(where + ": not a manifest (no \"files\" list)");
        }
        List<Entry> files = new ArrayList<>();
        for (JsonNode file : root.path("files")) {
            files.add(new Entry(file.path("name").asText(), file.path("rows").isNumber() ? file.path("rows").asLong() : null,
                    file.path("bytes").asLong(), file.path("run").isTextual() ? file.path("run").asText() : null));
        }
        List<String> retired = new ArrayList<>();
        root.path("retired").forEach(r -> retired.add(r.asText()));
        return new Manifest(files, retired);
    }
}
