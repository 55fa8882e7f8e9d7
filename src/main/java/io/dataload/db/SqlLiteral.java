package io.dataload.db;

/** Standard SQL string literals for the options of bulk statements. */
final class SqlLiteral {
    private SqlLiteral() {
    }

    static String of(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String of(char c) {
        return of(String.valueOf(c));
    }
}
