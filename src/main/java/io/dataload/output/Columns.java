package io.dataload.output;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A result set's columns as the writers need them: label, JDBC type, precision, scale, nullability. */
public record Columns(List<String> names, int[] types, int[] precisions, int[] scales, boolean[] nullable) {

    public static Columns of(ResultSetMetaData meta) throws SQLException {
        int count = meta.getColumnCount();
        List<String> names = new ArrayList<>();
        int[] types = new int[count];
        int[] precisions = new int[count];
        int[] scales = new int[count];
        boolean[] nullable = new boolean[count];
        for (int c = 0; c < count; c++) {
            names.add(meta.getColumnLabel(c + 1));
            types[c] = meta.getColumnType(c + 1);
            precisions[c] = meta.getPrecision(c + 1);
            scales[c] = meta.getScale(c + 1);
            nullable[c] = meta.isNullable(c + 1) != ResultSetMetaData.columnNoNulls;
        }
        return new Columns(List.copyOf(names), types, precisions, scales, nullable);
    }

    public int count() {
        return names.size();
    }

    /** The position (0-based) of a column by name, case-insensitively; -1 when the query has none. */
    public int indexOf(String name) {
        for (int c = 0; c < names.size(); c++) {
            if (names.get(c).equalsIgnoreCase(name)) {
                return c;
            }
        }
        return -1;
    }

    /** A decimal with a precision a fixed-point type can hold (an unconstrained numeric reports 0 or above 38). */
    public boolean boundedDecimal(int c) {
        return (types[c] == Types.NUMERIC || types[c] == Types.DECIMAL) && precisions[c] > 0 && precisions[c] <= 38
                && scales[c] >= 0 && scales[c] <= precisions[c];
    }

    public String describe() {
        return String.join(", ", names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
    }
}
