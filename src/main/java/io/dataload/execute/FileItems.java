package io.dataload.execute;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a glob matches ({@code landing/*.json}, {@code landing/**}{@code /*.json} at any depth,
 * zero folders included), found by walking down from the pattern's fixed folder one directory at a
 * time, each in name order: only the directories on the way are held, never the whole list. An
 * item's key is its path under that folder; its values are {@code #item#} (the whole path),
 * {@code #item.name#}, {@code #item.stem#} (the name without its last extension) and
 * {@code #item.relative#} (the key).
 */
public final class FileItems implements ItemSource {
    private final Path base;
    private final List<PathMatcher> matchers = new ArrayList<>();
    private final Deque<Iterator<Path>> walk = new ArrayDeque<>();

    public FileItems(String glob) throws IOException {
        Path pattern = Path.of(glob);
        Path fixed = pattern.getRoot();
        int i = 0;
        for (; i < pattern.getNameCount(); i++) {
            String part = pattern.getName(i).toString();
            if (part.matches(".*[*?\\[{].*")) {
                break;
            }
            fixed = fixed == null ? Path.of(part) : fixed.resolve(part);
        }
        if (i == pattern.getNameCount()) {
            // no wildcard: the one file
            base = fixed.getParent();
            matchers.add(p -> p.equals(base.relativize(pattern)));
        } else {
            base = fixed;
            String rest = pattern.subpath(i, pattern.getNameCount()).toString();
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + rest));
            if (rest.contains("**/")) {
                // "**/" also stands for no folder at all, as in shells with globstar
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + rest.replace("**/", "")));
            }
        }
        if (!Files.isDirectory(base)) {
            throw new IOException("folder " + base + " not found");
        }
        if (!Files.isReadable(base)) {
            throw new IOException("folder " + base + " is not readable");
        }
        walk.push(sorted(base));
    }

    private static Iterator<Path> sorted(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        }
        entries.sort(null);
        return entries.iterator();
    }

    @Override
    public Item next() throws IOException {
        return nextFile();
    }

    private Item nextFile() throws IOException {
        while (!walk.isEmpty()) {
            Iterator<Path> here = walk.peek();
            if (!here.hasNext()) {
                walk.pop();
                continue;
            }
            Path path = here.next();
            if (Files.isDirectory(path)) {
                if (!Files.isSymbolicLink(path)) {
                    walk.push(sorted(path));
                }
                continue;
            }
            Path relative = base.relativize(path);
            if (matchers.stream().anyMatch(m -> m.matches(relative)) && Files.isRegularFile(path)) {
                String name = path.getFileName().toString();
                Map<String, String> values = new LinkedHashMap<>();
                values.put("item", path.toString());
                values.put("item.name", name);
                values.put("item.stem", name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
                values.put("item.relative", relative.toString());
                return new Item(relative.toString(), values);
            }
        }
        return null;
    }

    /** The matches' count and the first few, for validate and plan (the whole walk, counted). */
    public static String describe(String glob, int shown) {
        try (FileItems items = new FileItems(glob)) {
            List<String> first = new ArrayList<>();
            long count = 0;
            for (Item item = items.next(); item != null; item = items.next()) {
                if (first.size() < shown) {
                    first.add(item.key());
                }
                count++;
            }
            return count + " file" + (count == 1 ? "" : "s") + " now" + (first.isEmpty() ? "" : ": "
                    + String.join(", ", first) + (count > first.size() ? ", ..." : ""));
        } catch (IOException e) {
            return "cannot list: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        walk.clear();
    }
}
