package io.dataload.schedule;

import io.dataload.config.Location;
import io.dataload.plan.RunRequest;
import java.time.Duration;
import java.util.List;

/** A schedule file: jobs, each a cron line in a time zone and the run it starts. */
public record Schedule(String file, List<Job> jobs) {

    /** What a job does when it fires while its previous run still goes. */
    public enum Overlap { SKIP, QUEUE, ALLOW }

    /** Which fires missed while the scheduler was down are run when it starts. */
    public enum Catchup { NONE, LAST, ALL }

    /** timeout: null for none; sla: the job's (its OnSlaMiss, else the file's), null for the file's own. */
    public record Job(String name, FireTimes times, RunRequest request, Overlap overlap, Catchup catchup,
            Duration timeout, io.dataload.config.Sla sla, Location location) {
    }
}
