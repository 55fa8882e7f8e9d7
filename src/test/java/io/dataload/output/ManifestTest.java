package io.dataload.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A manifest is a checkpoint line and changes after it; a last line without its end is not written yet. */
class ManifestTest {
    @Test
    void changesApplyInOrderAndAnUnfinishedLineIsNotRead() throws Exception {
        Manifest start = new Manifest(List.of(new Manifest.Entry("a.avro", 1L, 10, "r1"),
                new Manifest.Entry("b.avro", 2L, 20, "r1")), List.of());
        String text = new String(start.toJson(), StandardCharsets.UTF_8)
                + new String(new Manifest.Change(List.of(new Manifest.Entry("c.avro", 3L, 30, "r2")), List.of("a.avro"),
                        List.of(), List.of()).toJsonLine(), StandardCharsets.UTF_8)
                + new String(new Manifest.Change(List.of(new Manifest.Entry("m.avro", 2L, 15, null)), List.of("b.avro"),
                        List.of("b.avro"), List.of()).toJsonLine(), StandardCharsets.UTF_8);
        Manifest read = Manifest.parse(text.getBytes(StandardCharsets.UTF_8), "m");
        assertEquals(List.of("c.avro", "m.avro"), read.files().stream().map(Manifest.Entry::name).toList());
        assertEquals(List.of("b.avro"), read.retired());
        assertEquals(5, read.rows());
        String unfinished = text + "{\"drop\": [\"c.av";
        assertEquals(read, Manifest.parse(unfinished.getBytes(StandardCharsets.UTF_8), "m"), "a line being written is not there yet");
        String cleared = text + new String(new Manifest.Change(List.of(), List.of(), List.of(), List.of("b.avro"))
                .toJsonLine(), StandardCharsets.UTF_8);
        Manifest after = Manifest.parse(cleared.getBytes(StandardCharsets.UTF_8), "m");
        assertEquals(List.of("c.avro", "m.avro"), after.files().stream().map(Manifest.Entry::name).toList());
        assertEquals(List.of(), after.retired());
    }
}
