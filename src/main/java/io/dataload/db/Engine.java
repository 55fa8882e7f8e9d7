package io.dataload.db;

import io.dataload.config.DatabaseSettings;
import java.util.Locale;

/** The database engines a JDBC URL can name. */
public enum Engine {
    DUCKDB("jdbc:duckdb:", new DuckDbDialect(), "duckdb", null, 0, null),
    POSTGRES("jdbc:postgresql:", new PostgresDialect(), "postgres", "RDS", 5432, DatabaseSettings.Environment.POSTGRES),
    MYSQL("jdbc:mysql:", new MySqlDialect(), "mysql", "RDS", 3306, DatabaseSettings.Environment.MYSQL),
    REDSHIFT("jdbc:redshift:", new RedshiftDialect(), "redshift", "RedshiftCluster", 5439,
            DatabaseSettings.Environment.POSTGRES),
    /** Connection settings from the resource file's {@code Snowflake:} section ({@link io.dataload.config.SnowflakeSettings}). */
    SNOWFLAKE("jdbc:snowflake:", new SnowflakeDialect(), "snowflake", "Snowflake", 443, null);

    private final String prefix;
    private final Dialect dialect;
    private final String shortName;
    private final String section;
    private final int defaultPort;
    private final DatabaseSettings.Environment environment;

    Engine(String prefix, Dialect dialect, String shortName, String section, int defaultPort,
            DatabaseSettings.Environment environment) {
        this.prefix = prefix;
        this.dialect = dialect;
        this.shortName = shortName;
        this.section = section;
        this.defaultPort = defaultPort;
        this.environment = environment;
    }

    /** The resource file's section of this engine's connection ("RDS", "RedshiftCluster"). */
    public String section() {
        return section;
    }

    /** The client's standard environment variables (PGHOST..., MYSQL_HOST...). */
    public DatabaseSettings.Environment environment() {
        return environment;
    }

    /** The name a user gives for this engine ({@code --db postgres}). */
    public String shortName() {
        return shortName;
    }

    /** The engine a short name stands for ({@code postgres}, {@code mysql}, {@code mariadb}, ...), or null. */
    public static Engine named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("mariadb")) {
            return MYSQL;
        }
        for (Engine engine : values()) {
            if (engine.shortName.equals(lower)) {
                return engine;
            }
        }
        return null;
    }

    /** The JDBC URL of host, port and database (user and password travel as properties). */
    public String url(DatabaseSettings settings) {
        String host = settings.host() == null ? "127.0.0.1" : settings.host();
        int port = settings.port() == null ? defaultPort : settings.port();
        String database = settings.database() == null ? "" : settings.database();
        return prefix + "//" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port
                + "/" + database;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Whether the engine's string literals take backslash escapes (MySQL, MariaDB, Snowflake). */
    public boolean backslashEscapes() {
        return this == MYSQL || this == SNOWFLAKE;
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

    /** The engine a {@code --db} option names: an engine name, a JDBC URL, or none (embedded DuckDB); null when unknown. */
    public static Engine forOption(String option) {
        if (option == null || option.isBlank()) {
            return DUCKDB;
        }
        String text = option.trim();
        return text.startsWith("jdbc:") ? of(text) : named(text);
    }
}
