package io.dataload.db;

import io.dataload.config.ConfigException;
import io.dataload.config.DatabaseSettings;
import io.dataload.config.Location;
import io.dataload.config.Resources;
import io.dataload.record.SecretMasker;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The database a run talks to: a JDBC URL and its credentials. {@code --db} is a JDBC URL, an
 * engine name ({@code postgres}, {@code mysql}, {@code redshift}: host, port and database then come
 * from {@link DatabaseSettings}), or absent (embedded DuckDB). Credentials the URL does not carry
 * come from the settings: the resource file ({@code RDS.MasterUsername}...), else the client's
 * environment variables ({@code PGUSER}/{@code PGPASSWORD}, {@code MYSQL_USER}/{@code MYSQL_PWD}).
 */
public record DatabaseTarget(String url, Engine engine, String user, String password, Properties driverProperties) {

    public static final String DEFAULT_DUCKDB_FILE = "dataload.duckdb";
    private static final Pattern URL_USERINFO = Pattern.compile("(//[^/:@]*:)([^/@]*)@");
    private static final Pattern URL_PASSWORD_PARAMETER = Pattern.compile("[?&]password=([^&]*)");

    public static DatabaseTarget resolve(String dbOption, Resources resources, Map<String, String> env, Path workDir)
            throws ConfigException {
        if (dbOption == null || dbOption.isBlank()) {
            return duckDb(workDir.resolve(DEFAULT_DUCKDB_FILE).toString());
        }
        String url = dbOption.trim();
        Engine named = url.startsWith("jdbc:") ? null : Engine.named(url);
        if (named != null && named != Engine.DUCKDB) {
            DatabaseSettings settings = settings(named, resources, env);
            return withCredentials(named.url(settings), named, settings, workDir, false, false);
        }
        Engine engine = named != null ? named : Engine.of(url);
        if (engine == null) {
            throw new ConfigException(new Location("--db", 0, 0), "unsupported database \"" + mask(url)
                    + "\"; use postgres, mysql, redshift, duckdb, or a JDBC URL: jdbc:duckdb:FILE, "
                    + "jdbc:postgresql://HOST/DB, jdbc:mysql://HOST/DB or jdbc:redshift://HOST:5439/DB");
        }
        if (engine == Engine.DUCKDB) {
            String file = named != null ? DEFAULT_DUCKDB_FILE : url.substring("jdbc:duckdb:".length());
            if (file.isEmpty() || file.startsWith(":memory:")) {
                return duckDb(file);
            }
            return duckDb(workDir.resolve(file).toString());
        }
        if (url.toLowerCase().startsWith("jdbc:mariadb:")) {
            url = "jdbc:mysql:" + url.substring("jdbc:mariadb:".length());
        }
        boolean urlHasUser = url.contains("user=") || URL_USERINFO.matcher(url).find()
                || url.matches("(?s)jdbc:mysql://[^/]*@.*");
        boolean urlHasPassword = url.contains("password=") || URL_USERINFO.matcher(url).find();
        return withCredentials(url, engine, settings(engine, resources, env), workDir, urlHasUser, urlHasPassword);
    }

    /** The engine's settings from the resource file and the environment (the command line gave a URL or a name). */
    public static DatabaseSettings settings(Engine engine, Resources resources, Map<String, String> env)
            throws ConfigException {
        return DatabaseSettings.read(engine.section(), engine.environment(), resources, env, DatabaseSettings.NONE);
    }

    private static DatabaseTarget withCredentials(String url, Engine engine, DatabaseSettings settings, Path workDir,
            boolean urlHasUser, boolean urlHasPassword) {
        Properties properties = new Properties();
        if (engine == Engine.MYSQL) {
            properties.setProperty("allowMultiQueries", "true");
            properties.setProperty("allowLoadLocalInfileInPath", workDir.toAbsolutePath().toString());
            properties.setProperty("tinyInt1isBit", "false");
        }
        return new DatabaseTarget(url, engine, urlHasUser ? null : settings.user(),
                urlHasPassword ? null : settings.password(), properties);
    }

    private static DatabaseTarget duckDb(String file) {
        return new DatabaseTarget("jdbc:duckdb:" + file, Engine.DUCKDB, null, null, new Properties());
    }

    public ConnectionSource connect(int poolSize) {
        if (engine == Engine.DUCKDB) {
            return new DuckDbConnectionSource(url);
        }
        return new PooledConnectionSource(this, poolSize);
    }

    /**
     * The password this target logs in with, wherever it was given: the settings, the URL's
     * {@code password=} parameter (to the next {@code &}, as pgJDBC and Connector/J read it, so a
     * {@code ;} is part of it) or its {@code user:password@}; null when none. For masking.
     */
    public String secret() {
        if (password != null) {
            return password;
        }
        java.util.regex.Matcher parameter = URL_PASSWORD_PARAMETER.matcher(url);
        if (parameter.find()) {
            return urlDecoded(parameter.group(1));
        }
        java.util.regex.Matcher userinfo = URL_USERINFO.matcher(url);
        return userinfo.find() ? urlDecoded(userinfo.group(2)) : null;
    }

    /** A URL part as the drivers read it: percent escapes decoded, a {@code +} kept as itself. */
    private static String urlDecoded(String part) {
        return java.net.URLDecoder.decode(part.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    public String maskedUrl() {
        return mask(url);
    }

    static String mask(String url) {
        return SecretMasker.none().mask(url);
    }

    @Override
    public String toString() {
        return maskedUrl() + (user != null ? " as " + user : "");
    }

    public static Map<String, String> environment() {
        return System.getenv();
    }
}
