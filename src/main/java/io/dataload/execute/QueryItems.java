package io.dataload.execute;

import io.dataload.db.ConnectionSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a query on the action's database, read as the items run (a connection of the pool
 * holds the result meanwhile). An item's key and {@code #item#} are its first column's value; every
 * column is {@code #item.COLUMN#} (its name in lower case); NULL is empty.
 */
final class QueryItems implements ItemSource {
    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private final String[] names;

    QueryItems(ConnectionSource source, String sql) throws SQLException {
        connection = source.open();
        try {
            statement = connection.createStatement();
            source.dialect().streamResults(statement);
            rows = statement.executeQuery(sql);
            ResultSetMetaData meta = rows.getMetaData();
            names = new String[meta.getColumnCount()];
            for (int c = 1; c <= names.length; c++) {
                names[c - 1] = meta.getColumnLabel(c).toLowerCase(Locale.ROOT);
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    @Override
    public Item next() throws SQLException {
        if (!rows.next()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int c = 1; c <= names.length; c++) {
            String value = rows.getString(c);
            values.put("item." + names[c - 1], value == null ? "" : value);
        }
        String first = rows.getString(1);
        values.put("item", first == null ? "" : first);
        return new Item(first == null ? "" : first, values);
    }

    @Override
    public void close() {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            // a read-only listing: nothing to keep
        }
    }
}
