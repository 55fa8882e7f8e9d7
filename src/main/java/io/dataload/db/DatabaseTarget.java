package io.dataload.db;

import io.dataload.config.ConfigException;
import io.dataload.config.Location;
import io.dataload.config.Resources;
import io.dataload.record.SecretMasker;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The database a run talks to: a JDBC URL and its credentials. Credentials come from the URL, else
 * the resource file ({@code RDS.MasterUsername}, {@code RDS.MasterUserPassword}; for Redshift
 * {@code RedshiftCluster.*}), else the client's usual environment variables
 * ({@code PGUSER}/{@code PGPASSWORD}, {@code MYSQL_PWD}).
 */
public record DatabaseTarget(String url, Engine engine, String user, String password, Properties driverProperties) {

    public static final String DEFAULT_DUCKDB_FILE = "dataload.duckdb";
    private static final Pattern URL_USERINFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");

    public static DatabaseTarget resolve(String dbOption, Resources resources, Map<String, String> env, Path workDir)
            throws ConfigException {
        if (dbOption == null || dbOption.isBlank()) {
            return duckDb(workDir.resolve(DEFAULT_DUCKDB_FILE).toString());
        }
        String url = dbOption.trim();
        Engine engine = Engine.of(url);
        if (engine == null) {
            throw new ConfigException(new Location("--db", 0, 0), "unsupported database URL \"" + mask(url)
                    + "\"; use jdbc:duckdb:FILE, jdbc:postgresql://HOST/DB, jdbc:mysql://HOST/DB or jdbc:redshift://HOST:5439/DB");
        }
        if (engine == Engine.DUCKDB) {
            String file = url.substring("jdbc:duckdb:".length());
            if (file.isEmpty() || file.startsWith(":memory:")) {
                return duckDb(file);
            }
            return duckDb(workDir.resolve(file).toString());
        }
        if (url.toLowerCase().startsWith("jdbc:mariadb:")) {
            url = "jdbc:mysql:" + url.substring("jdbc:mariadb:".length());
        }
        boolean urlHasUser = url.contains("user=") || URL_USERINFO.matcher(url).find() || url.matches("(?s)jdbc:mysql://[^/]*@.*");
        boolean urlHasPassword = url.contains("password=") || URL_USERINFO.matcher(url).find();
        boolean postgresClient = engine == Engine.POSTGRES || engine == Engine.REDSHIFT;
        String userEnv = postgresClient ? "PGUSER" : "MYSQL_USER";
        String passwordEnv = postgresClient ? "PGPASSWORD" : "MYSQL_PWD";
        String section = engine == Engine.REDSHIFT ? "RedshiftCluster" : "RDS";
        String user = urlHasUser ? null : resources.get(section + ".MasterUsername").orElse(env.get(userEnv));
        String password = urlHasPassword ? null : resources.get(section + ".MasterUserPassword").orElse(env.get(passwordEnv));
        Properties properties = new Properties();
        if (engine == Engine.MYSQL) {
            properties.setProperty("allowMultiQueries", "true");
            properties.setProperty("allowLoadLocalInfileInPath", workDir.toAbsolutePath().toString());
            properties.setProperty("tinyInt1isBit", "false");
        }
        return new DatabaseTarget(url, engine, user, password, properties);
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
