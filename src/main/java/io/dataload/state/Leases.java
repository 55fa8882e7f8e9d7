package io.dataload.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The leases of run requests taken from a queue, kept in the run-history store so that every worker
 * sharing it agrees: a request runs under one lease at a time; a lease is renewed while its run goes
 * and completes in the transaction that records the run's outcome; a lease that expires (its worker
 * died) lets the next delivery run the request again, its unfinished run marked abandoned. Every
 * change is guarded by the state it expects, so two workers never both win.
 */
public final class Leases {
    /** What to do with a delivered request. */
    public sealed interface Decision permits Run, Drop, Park, Dead {
    }

    /** Run it, as run {@code runId}; {@code abandoned} is the run a dead worker left, or null. */
    public record Run(String runId, int delivery, String abandoned) implements Decision {
    }

    /** Already done (or given up): acknowledge the message and do nothing. */
    public record Drop(String why) implements Decision {
    }

    /** Leased by a live worker: hand the message back and look again after {@code millis}. */
    public record Park(long millis, String worker) implements Decision {
    }

    /** Delivered too often: to the dead-letter queue. */
    public record Dead(int deliveries) implements Decision {
    }

    /** A request's state, for {@code submit --wait}: running, completed or dead, with the outcome when ended. */
    public record Status(String state, String runId, String outcome, Integer exitCode, String worker) {
    }

    private final StateStore store;

    public Leases(StateStore store) {
        this.store = store;
    }

    /**
     * Takes the lease of {@code request} for {@code worker} until {@code now + leaseMs}, unless it is done,
     * held by a live worker, or has been delivered {@code maxDeliveries} times already.
     */
    public Decision acquire(String request, String actionFile, String action, String worker, long leaseMs,
            int maxDeliveries, long now) throws SQLException {
        synchronized (store) {
            Connection connection = store.connection();
            String p = store.prefix();
            try (PreparedStatement insert = connection.prepareStatement("insert into " + p + "leases (request_id, run_id,"
                    + " state, worker, action_file, action, deliveries, acquired_ms, expires_ms)"
                    + " values (?, ?, 'running', ?, ?, ?, 1, ?, ?) on conflict (request_id) do nothing")) {
                insert.setString(1, request);
                insert.setString(2, request);
                insert.setString(3, worker);
                insert.setString(4, actionFile);
                insert.setString(5, action);
                insert.setLong(6, now);
                insert.setLong(7, now + leaseMs);
                if (insert.executeUpdate() == 1) {
                    return new Run(request, 1, null);
                }
            }
            Status lease = status(request);
            if (lease == null) {
                return new Park(100, "?");
            }
            if (!lease.state().equals("running")) {
                return new Drop("request " + request + " is " + lease.state() + " already");
            }
            long expires = expiresMs(request);
            if (expires > now) {
                return new Park(expires - now, lease.worker());
            }
            return takeOver(request, lease, worker, leaseMs, maxDeliveries, now);
        }
    }

    /** A lease whose worker stopped renewing it: the run it left decides. */
    private Decision takeOver(String request, Status lease, String worker, long leaseMs, int maxDeliveries, long now)
            throws SQLException {
        Connection connection = store.connection();
        String p = store.prefix();
        String outcome = outcomeOf(lease.runId());
        if (outcome != null && (outcome.equals("succeeded") || outcome.equals("failed"))) {
            // the worker recorded the outcome and died before it could acknowledge: done
            complete(request, lease.runId(), outcome, null, now);
            return new Drop("request " + request + " ended (" + outcome + ") before its worker could say so");
        }
        int deliveries = deliveries(request);
        if (deliveries >= maxDeliveries) {
            try (PreparedStatement dead = connection.prepareStatement("update " + p + "leases set state = 'dead',"
                    + " message = ?, expires_ms = ? where request_id = ? and run_id = ? and state = 'running'")) {
                dead.setString(1, "delivered " + deliveries + " times without an outcome");
                dead.setLong(2, now);
                dead.setString(3, request);
                dead.setString(4, lease.runId());
                dead.executeUpdate();
            }
            return new Dead(deliveries);
        }
        String next = RunId.next(now);
        connection.setAutoCommit(false);
        try {
            if (outcome == null) {
                // the dead worker had not recorded its run yet (records are written behind the run): the lease says what it was
                try (PreparedStatement record = connection.prepareStatement("insert into " + p + "runs (run_id, trigger_kind,"
                        + " tool, action_file, action, attempt, arguments, host, started_ms, finished_ms, outcome,"
                        + " trigger_name, request_id) select run_id, 'worker', 'dataload', coalesce(action_file, '?'),"
                        + " coalesce(action, '?'), 1, '[]', worker, acquired_ms, ?, 'abandoned', 'lease', request_id from "
                        + p + "leases where request_id = ? and run_id = ? and not exists (select 1 from " + p
                        + "runs r where r.run_id = ?)")) {
                    record.setLong(1, now);
                    record.setString(2, request);
                    record.setString(3, lease.runId());
                    record.setString(4, lease.runId());
                    record.executeUpdate();
                }
            }
            try (PreparedStatement take = connection.prepareStatement("update " + p + "leases set run_id = ?, worker = ?,"
                    + " deliveries = deliveries + 1, acquired_ms = ?, expires_ms = ? where request_id = ? and run_id = ?"
                    + " and state = 'running' and expires_ms <= ?")) {
                take.setString(1, next);
                take.setString(2, worker);
                take.setLong(3, now);
                take.setLong(4, now + leaseMs);
                take.setString(5, request);
                take.setString(6, lease.runId());
                take.setLong(7, now);
                if (take.executeUpdate() != 1) {
                    connection.rollback();
                    return new Park(100, "another worker");
                }
            }
            boolean interrupted = "interrupted".equals(outcome);
            try (PreparedStatement abandon = connection.prepareStatement("update " + p + "runs set outcome = 'abandoned',"
                    + " finished_ms = ?, request_id = ? where run_id = ? and outcome = 'running'")) {
                abandon.setLong(1, now);
                abandon.setString(2, request);
                abandon.setString(3, lease.runId());
                abandon.executeUpdate();
            }
            connection.commit();
            return new Run(next, deliveries + 1, interrupted ? null : lease.runId());
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Extends the lease of a running request; false when it is no longer this run's. */
    public boolean renew(String request, String runId, long until) throws SQLException {
        synchronized (store) {
            try (PreparedStatement renew = store.connection().prepareStatement("update " + store.prefix() + "leases set"
                    + " expires_ms = ? where request_id = ? and run_id = ? and state = 'running'")) {
                renew.setLong(1, until);
                renew.setString(2, request);
                renew.setString(3, runId);
                return renew.executeUpdate() == 1;
            }
        }
    }

    /** Lets the lease go at once (a worker stopping): the request's next delivery runs it again. */
    public void release(String request, String runId, long now) throws SQLException {
        renew(request, runId, now);
    }

    /**
     * Records the run's outcome and completes the request's lease, in one transaction: a delivery that
     * comes later finds it done.
     */
    public void complete(String request, String runId, String outcome, Integer exitCode, long now) throws SQLException {
        synchronized (store) {
            Connection connection = store.connection();
            String p = store.prefix();
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement run = connection.prepareStatement("update " + p + "runs set outcome = ?,"
                        + " exit_code = coalesce(?, exit_code), finished_ms = coalesce(finished_ms, ?), request_id = ?"
                        + " where run_id = ?")) {
                    run.setString(1, outcome);
                    if (exitCode == null) {
                        run.setNull(2, java.sql.Types.INTEGER);
                    } else {
                        run.setInt(2, exitCode);
                    }
                    run.setLong(3, now);
                    run.setString(4, request);
                    run.setString(5, runId);
                    run.executeUpdate();
                }
                try (PreparedStatement lease = connection.prepareStatement("update " + p + "leases set state = 'completed',"
                        + " outcome = ?, exit_code = coalesce(?, exit_code), expires_ms = ? where request_id = ?"
                        + " and run_id = ?")) {
                    lease.setString(1, outcome);
                    if (exitCode == null) {
                        lease.setNull(2, java.sql.Types.INTEGER);
                    } else {
                        lease.setInt(2, exitCode);
                    }
                    lease.setLong(3, now);
                    lease.setString(4, request);
                    lease.setString(5, runId);
                    lease.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        }
    }

    /** Marks a request given up (dead-lettered) with why; inserts its row when it has none. */
    public void dead(String request, String worker, String why, long now) throws SQLException {
        synchronized (store) {
            try (PreparedStatement insert = store.connection().prepareStatement("insert into " + store.prefix() + "leases"
                    + " (request_id, run_id, state, worker, deliveries, acquired_ms, expires_ms, outcome, exit_code, message)"
                    + " values (?, ?, 'dead', ?, 1, ?, ?, 'failed', 2, ?) on conflict (request_id) do update set"
                    + " state = 'dead', outcome = 'failed', exit_code = 2, message = excluded.message")) {
                insert.setString(1, request);
                insert.setString(2, request);
                insert.setString(3, worker);
                insert.setLong(4, now);
                insert.setLong(5, now);
                insert.setString(6, why);
                insert.executeUpdate();
            }
        }
    }

    /** A request's lease, or null when no worker has taken it yet. */
    public Status status(String request) throws SQLException {
        synchronized (store) {
            try (PreparedStatement query = store.connection().prepareStatement("select state, run_id, outcome, exit_code,"
                    + " worker from " + store.prefix() + "leases where request_id = ?")) {
                query.setString(1, request);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    int code = row.getInt(4);
                    return new Status(row.getString(1), row.getString(2), row.getString(3), row.wasNull() ? null : code,
                            row.getString(5));
                }
            }
        }
    }

    private long expiresMs(String request) throws SQLException {
        return single("select expires_ms from " + store.prefix() + "leases where request_id = ?", request);
    }

    private int deliveries(String request) throws SQLException {
        return (int) single("select deliveries from " + store.prefix() + "leases where request_id = ?", request);
    }

    private long single(String sql, String key) throws SQLException {
        try (PreparedStatement query = store.connection().prepareStatement(sql)) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private String outcomeOf(String runId) throws SQLException {
        try (PreparedStatement query = store.connection().prepareStatement("select outcome from " + store.prefix()
                + "runs where run_id = ?")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
