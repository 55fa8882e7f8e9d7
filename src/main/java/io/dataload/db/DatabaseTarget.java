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
public record DatabaseTarget(String url, Engine engine, String user, String password, Properties driverProperties,
        KeyLogin keyLogin) {

    /** A key-pair login (Snowflake): the PKCS#8 key file and its passphrase (null: not encrypted). */
    public record KeyLogin(Path file, String passphrase) {
        @Override
        public String toString() {
            return "KeyLogin[file=" + file + ", passphrase=" + (passphrase == null ? null : "****") + "]";
        }
    }

    public DatabaseTarget(String url, Engine engine, String user, String password, Properties driverProperties) {
        this(url, engine, user, password, driverProperties, null);
    }

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
        if (named == Engine.SNOWFLAKE || (named == null && Engine.of(url) == Engine.SNOWFLAKE)) {
            return snowflake(named == null ? url : null, resources, workDir);
        }
        if (named != null && named != Engine.DUCKDB) {
            DatabaseSettings settings = settings(named, resources, env);
            return withCredentials(named.url(settings), named, settings, workDir, false, false);
        }
        Engine engine = named != null ? named : Engine.of(url);
        if (engine == null) {
            throw new ConfigException(new Location("--db", 0, 0), "unsupported database \"" + mask(url)
                    + "\"; use postgres, mysql, redshift, snowflake, duckdb, or a JDBC URL: jdbc:duckdb:FILE, "
                    + "jdbc:postgresql://HOST/DB, jdbc:mysql://HOST/DB, jdbc:redshift://HOST:5439/DB or "
                    + "jdbc:snowflake://ACCOUNT.snowflakecomputing.com/");
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

    /**
     * Snowflake: the account, user, login and session defaults from the resource file's
     * {@code Snowflake:} section; with a {@code jdbc:snowflake:} URL, the URL's host and parameters
     * win over the section's and its missing keys are left to the URL.
     */
    private static DatabaseTarget snowflake(String givenUrl, Resources resources, Path workDir) throws ConfigException {
        java.util.List<io.dataload.config.Problem> problems = new java.util.ArrayList<>();
        io.dataload.config.SnowflakeSettings settings = io.dataload.config.SnowflakeSettings.read(resources, problems);
        if (givenUrl == null && !problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Properties properties = new Properties();
        if (settings.account() != null) {
            // the account's locator without its region part is what the driver logs in with
            properties.setProperty("account", settings.account().replaceAll("\\..*", ""));
        }
        setIfPresent(properties, "db", settings.database());
        setIfPresent(properties, "schema", settings.schema());
        setIfPresent(properties, "warehouse", settings.warehouse());
        setIfPresent(properties, "role", settings.role());
        // no probing of cloud metadata hosts at login: a command-line tool knows where it runs
        properties.setProperty("disablePlatformDetection", "true");
        // values read as text (an incremental extract's watermark) keep their microseconds: Snowflake's
        // default output formats cut timestamps to milliseconds
        properties.setProperty("TIMESTAMP_NTZ_OUTPUT_FORMAT", "YYYY-MM-DD HH24:MI:SS.FF6");
        properties.setProperty("TIMESTAMP_LTZ_OUTPUT_FORMAT", "YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM");
        properties.setProperty("TIMESTAMP_TZ_OUTPUT_FORMAT", "YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM");
        properties.setProperty("TIME_OUTPUT_FORMAT", "HH24:MI:SS.FF6");
        properties.setProperty("DATE_OUTPUT_FORMAT", "YYYY-MM-DD");
        // a long result is read chunk by chunk: two downloads ahead, in at most 64 MB, keeps memory flat
        // whatever the result's size (the driver's defaults prefetch four chunks in up to 1.5 GB)
        properties.setProperty("CLIENT_PREFETCH_THREADS", "2");
        properties.setProperty("CLIENT_MEMORY_LIMIT", "64");
        String url = givenUrl != null ? givenUrl : snowflakeUrl(settings);
        KeyLogin key = settings.privateKeyFile() == null ? null
                : new KeyLogin(workDir.resolve(settings.privateKeyFile()), settings.privateKeyPassphrase());
        return new DatabaseTarget(url, Engine.SNOWFLAKE, url.contains("user=") ? null : settings.user(),
                key != null || url.contains("password=") ? null : settings.password(), properties, key);
    }

    /** {@code jdbc:snowflake://ACCOUNT.snowflakecomputing.com/}, or the section's Endpoint (http:// means ssl=off). */
    static String snowflakeUrl(io.dataload.config.SnowflakeSettings settings) {
        String endpoint = settings.endpoint() != null ? settings.endpoint().strip()
                : settings.account() + ".snowflakecomputing.com";
        boolean plain = endpoint.regionMatches(true, 0, "http://", 0, 7);
        String host = endpoint.replaceFirst("(?i)^https?://", "").replaceAll("/+$", "");
        return "jdbc:snowflake://" + host + "/" + (plain ? "?ssl=off" : "");
    }

    private static void setIfPresent(Properties properties, String key, String value) {
        if (value != null) {
            properties.setProperty(key, value);
        }
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
        if (keyLogin != null && keyLogin.passphrase() != null) {
            return keyLogin.passphrase();
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
