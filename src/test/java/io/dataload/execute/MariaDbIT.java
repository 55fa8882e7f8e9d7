package io.dataload.execute;

/** The engine contract on the local MariaDB server. */
class MariaDbIT extends ServerContract {

    @Override
    String adminUrl() {
        return LocalServers.MARIADB;
    }

    @Override
    String serverName() {
        return "MariaDB";
    }

    @Override
    String namespaceKind() {
        return "database";
    }

    @Override
    String urlFor(String database) {
        return LocalServers.MARIADB.replace("/test?", "/" + database + "?");
    }

    @Override
    String engine() {
        return "mysql";
    }
}
