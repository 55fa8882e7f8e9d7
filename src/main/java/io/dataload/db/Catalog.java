package io.dataload.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Looks things up in a database's catalog to choose how to call a procedure. */
final class Catalog {
    private Catalog() {
    }

    /** Whether {@code query}, given the unqualified name, returns a row. */
    static boolean finds(Connection connection, String query, String name) throws SQLException {
        String bare = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, bare);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
