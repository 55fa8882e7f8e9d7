package io.dataload.execute;

/** The engine contract on the local PostgreSQL server. */
class PostgresIT extends ServerContract {

    @Override
    String adminUrl() {
        return LocalServers.POSTGRES;
    }

    @Override
    String serverName() {
        return "PostgreSQL";
    }

    @Override
    String namespaceKind() {
        return "schema";
    }

    @Override
    String urlFor(String schema) {
        return LocalServers.POSTGRES + "&currentSchema=" + schema;
    }

    @Override
    String engine() {
        return "postgres";
    }

    @Override
    String sleep(int seconds) {
        return "select pg_sleep(" + seconds + ")";
    }
}
