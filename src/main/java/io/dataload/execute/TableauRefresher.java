package io.dataload.execute;

import io.dataload.plan.PlannedAction.RefreshTableau;
import io.dataload.record.ExecutionLog;
import io.dataload.tableau.TableauClient;
import io.dataload.tableau.TableauException;
import io.dataload.tableau.TableauSessions;
import io.dataload.tableau.TableauSite;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * A Tableau extract refresh, start to finish: sign in (once per run, shared), find the data source or
 * workbook by project and name, start the refresh — or, when Tableau answers that one is already
 * queued (409093), follow that job instead — and poll the job, logging its progress, until it
 * finishes or the wait runs out. A failed or cancelled job, or the deadline, fails the refresh.
 */
final class TableauRefresher {
    private final TableauSessions sessions;
    private final ExecutionLog log;
    private final Interruption interruption;

    TableauRefresher(TableauSessions sessions, ExecutionLog log, Interruption interruption) {
        this.sessions = sessions;
        this.log = log;
        this.interruption = interruption;
    }

    /** Refreshes and waits; {@code entry} names the log's group. */
    ActionResult refresh(String entry, RefreshTableau target) {
        Instant start = Instant.now();
        String where = "tableau " + target.kind() + " " + target.name();
        Thread worker = Thread.currentThread();
        try (AutoCloseable registration = interruption.register(worker::interrupt)) {
            return run(entry, target, start, where);
        } catch (InterruptedException e) {
            // the run is being stopped; the flag is cleared so that the run can still record itself
            Thread.interrupted();
            return ActionResult.failure("interrupted while waiting for Tableau", where, start);
        } catch (TableauException e) {
            return ActionResult.failure(e.getMessage(), where, start);
        } catch (IOException e) {
            return ActionResult.failure("cannot reach " + target.server() + ": " + Runner.reason(e), where, start);
        } catch (Exception e) {
            throw new IllegalStateException("unregistering a finished refresh", e);
        }
    }

    private ActionResult run(String entry, RefreshTableau target, Instant start, String where)
            throws TableauException, IOException, InterruptedException {
        TableauClient client = sessions.client(new TableauSite(target.server(), target.site(), target.api(),
                target.tokenName(), target.tokenSecret()));
        try {
            client.signIn();
        } catch (TableauException e) {
            throw new TableauException(e.status(), e.code(), "sign-in to " + client.site() + " with token \""
                    + target.tokenName() + "\" refused: " + e.getMessage());
        }
        String id = client.find(target.kind(), target.project(), target.name());
        String job = client.refresh(target.kind(), id).jobId();
        if (job == null) {
            job = client.runningJob(target.name());
            if (job == null) {
                // it finished between the two calls: start one of our own
                job = client.refresh(target.kind(), id).jobId();
            }
            if (job == null) {
                throw new TableauException(409, TableauException.ALREADY_QUEUED, "a refresh of " + target.name()
                        + " is already queued (409093), and no queued or running job titled \"" + target.name()
                        + "\" was found to follow");
            }
            log.add(entry, "a refresh of " + target.name() + " was already queued (409093): following job " + job);
        } else {
            log.add(entry, "refresh of " + target.kind() + " " + target.name() + " started: job " + job);
        }
        Instant deadline = start.plus(target.waitFor());
        int shown = -1;
        while (true) {
            TableauClient.Job state = client.job(job);
            if (state.progress() != shown && !state.finished()) {
                shown = state.progress();
                log.add(entry, "job " + job + ": " + shown + "%");
            }
            if (state.finished()) {
                return finished(entry, target, state, start, where);
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                return ActionResult.failure("the refresh job " + job + " of " + target.name() + " is still running after "
                        + io.dataload.config.Retry.describe(target.waitFor()) + " (" + state.progress() + "%)", where, start);
            }
            Thread.sleep(Math.min(target.poll().toMillis(), left.toMillis()));
        }
    }

    private ActionResult finished(String entry, RefreshTableau target, TableauClient.Job state, Instant start,
            String where) {
        String notes = state.notes().isBlank() ? "" : ": " + state.notes().strip();
        return switch (state.finishCode()) {
            case 0 -> {
                log.add(entry, "job " + state.id() + ": refresh of " + target.name() + " finished");
                yield ActionResult.success(0, start);
            }
            case 1 -> ActionResult.failure("the refresh job " + state.id() + " of " + target.name() + " failed" + notes,
                    where, start);
            case 2 -> ActionResult.failure("the refresh job " + state.id() + " of " + target.name() + " was cancelled"
                    + notes, where, start);
            default -> ActionResult.failure("the refresh job " + state.id() + " of " + target.name()
                    + " ended with finish code " + state.finishCode() + notes, where, start);
        };
    }
}
