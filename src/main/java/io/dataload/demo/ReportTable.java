package io.dataload.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Prints the team-performance extract as a readable table. */
public final class ReportTable {
    private static final String[] HEADER = {"Team", "P1 High", "P2 Normal", "P3 Low"};

    private ReportTable() {
    }

    public static void print(Path csv, String title, PrintWriter out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) {
                rows.add(fields(line));
            }
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        out.println();
        out.println(title);
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            String[] row = rows.get(r);
            for (int i = 0; i < widths.length; i++) {
                String cell = i < row.length ? row[i] : "";
                line.append(i == 0 ? String.format("%-" + widths[i] + "s", cell)
                        : String.format("  %" + widths[i] + "s", cell));
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                out.println("-".repeat(line.toString().stripTrailing().length()));
            }
        }
        out.println("(average hours from creation to first assignment; SLA: the assign SLA of each priority)");
        out.flush();
    }

    /** Splits one line of the extract (QUOTE_MINIMAL, doubled quotes). */
    static String[] fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }
}
