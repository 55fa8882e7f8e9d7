package io.dataload.tableau;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's Tableau sessions: one client per site and token, signed in on first use and shared by
 * every refresh of the run, parallel ones too (a personal access token allows one session: two
 * sign-ins would sign each other out); all signed out when the run ends.
 */
public final class TableauSessions implements AutoCloseable {
    private final Map<TableauSite, TableauClient> clients = new LinkedHashMap<>();

    public synchronized TableauClient client(TableauSite site) {
        return clients.computeIfAbsent(site, TableauClient::new);
    }

    @Override
    public void close() {
        List<TableauClient> all;
        synchronized (this) {
            all = new ArrayList<>(clients.values());
            clients.clear();
        }
        all.forEach(TableauClient::signOut);
    }
}
