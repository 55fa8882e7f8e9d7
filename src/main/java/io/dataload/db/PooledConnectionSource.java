package io.dataload.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** A server database (PostgreSQL, MySQL/MariaDB) behind a HikariCP pool, created on first use. */
public final class PooledConnectionSource implements ConnectionSource {
    private final DatabaseTarget target;
    private final int size;
    private HikariDataSource pool;

    @Override
    public String describe() {
        return target.maskedUrl();
    }

    public PooledConnectionSource(DatabaseTarget target, int size) {
        this.target = target;
        this.size = size;
    }

    @Override
    public Dialect dialect() {
        return target.engine().dialect();
    }

    @Override
    public Connection open() throws SQLException {
        return pool().getConnection();
    }

    @Override
    public synchronized Connection tryOpen() throws SQLException {
        var state = pool().getHikariPoolMXBean();
        if (state == null || (state.getIdleConnections() == 0 && state.getTotalConnections() >= size)) {
            return null;
        }
        return pool().getConnection();
    }

    private synchronized HikariDataSource pool() throws SQLException {
        if (pool == null) {
            HikariConfig config = new HikariConfig();
            config.setPoolName("dataload");
            Properties properties = new Properties();
            properties.putAll(target.driverProperties());
            if (target.user() != null) {
                properties.setProperty("user", target.user());
            }
            if (target.password() != null) {
                properties.setProperty("password", target.password());
            }
            if (target.keyLogin() != null) {
                // read here, not when planning: a missing key or a wrong passphrase fails the action with its reason
                properties.setProperty("private_key_base64",
                        SnowflakePrivateKey.base64(target.keyLogin().file(), target.keyLogin().passphrase()));
            }
            // the engine's driver by name (see DirectDataSource), the pool around it
            config.setDataSource(new DirectDataSource(target.url(), properties));
            config.setAutoCommit(false);
            config.setMaximumPoolSize(size);
            // the connection HikariCP opens to fail fast is kept for the first action (with 0 it is
            // closed and a second one opened: a whole connection set-up more on every run)
            config.setMinimumIdle(1);
            config.setConnectionTimeout(30_000);
            config.setInitializationFailTimeout(1);
            try {
                pool = new HikariDataSource(config);
            } catch (HikariPool.PoolInitializationException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw new SQLException("cannot connect to " + target.maskedUrl() + ": " + e.getMessage(), e);
            }
        }
        return pool;
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
