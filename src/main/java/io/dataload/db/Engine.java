package io.dataload.db;

import java.util.Locale;

/** The database engines a JDBC URL can name. */
public enum Engine {
    DUCKDB("jdbc:duckdb:", new DuckDbDialect()),
    POSTGRES("jdbc:postgresql:", new PostgresDialect()),
    MYSQL("jdbc:mysql:", new MySqlDialect()),
    REDSHIFT("jdbc:redshift:", new RedshiftDialect());

    private final String prefix;
    private final Dialect dialect;

    Engine(String prefix, Dialect dialect) {
        this.prefix = prefix;
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The engine of a JDBC URL ({@code jdbc:mariadb:} is served by the MySQL driver), or null. */
    public static Engine of(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        for (Engine engine : values()) {
            if (lower.startsWith(engine.prefix)) {
                return engine;
            }
        }
        return null;
    }
}
