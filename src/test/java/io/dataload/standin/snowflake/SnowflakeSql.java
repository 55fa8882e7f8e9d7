package io.dataload.standin.snowflake;

/**
 * Snowflake SQL as DuckDB runs it. The demo's Snowflake scripts are written in SQL that both
 * engines accept, so this changes only what DuckDB spells differently and the scripts cannot
 * avoid: nothing yet.
 */
final class SnowflakeSql {
    private SnowflakeSql() {
    }

    static String toDuckDb(String sql) {
        return sql;
    }
}
