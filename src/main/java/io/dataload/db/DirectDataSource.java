package io.dataload.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections from the engine's own driver, named by class: {@link DriverManager} would first load
 * and initialize every driver on the class path (the Snowflake driver's start-up alone loads 700
 * classes) on the first connection of every run. A URL the driver does not take goes to
 * DriverManager after all.
 */
final class DirectDataSource implements DataSource {
    private final String url;
    private final Properties properties;
    private final Driver driver;
    private final Engine engine;
    private volatile int loginTimeout;

    DirectDataSource(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
        this.engine = Engine.of(url);
        this.driver = driverFor(engine);
    }

    private static Driver driverFor(Engine engine) {
        String name = engine == null ? null : switch (engine) {
            case POSTGRES -> "org.postgresql.Driver";
            case MYSQL -> "com.mysql.cj.jdbc.Driver";
            case REDSHIFT -> "com.amazon.redshift.Driver";
            case SNOWFLAKE -> "net.snowflake.client.jdbc.SnowflakeDriver";
            case DUCKDB -> "org.duckdb.DuckDBDriver";
        };
        if (name == null) {
            return null;
        }
        try {
            return (Driver) Class.forName(name).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null; // DriverManager finds what is there
        }
    }

    private void check() throws SQLException {
        if (driver == null && engine == Engine.SNOWFLAKE) {
            throw new SQLException(CloudJar.missing("the Snowflake driver"), "08001");
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        Connection connection = driver == null ? null : driver.connect(url, properties);
        return connection != null ? connection : DriverManager.getConnection(url, properties);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        check();
        Properties with = new Properties();
        with.putAll(properties);
        if (user != null) {
            with.setProperty("user", user);
        }
        if (password != null) {
            with.setProperty("password", password);
        }
        Connection connection = driver == null ? null : driver.connect(url, with);
        return connection != null ? connection : DriverManager.getConnection(url, with);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    /** Kept for the pool, which waits this long for connections being opened when it shuts down. */
    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
