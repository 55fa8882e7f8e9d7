package io.dataload.execute;

import io.dataload.config.Retry;
import io.dataload.plan.PlannedAction;
import io.dataload.record.ExecutionLog;
import java.time.Instant;

/** {@code exec}: the script's text is a shell command; exit code 0 is success. */
public final class ExecActionExecutor implements ActionExecutor {
    private final ShellRunner shell;
    private final ExecutionLog log;
    private final RunProgress progress;

    public ExecActionExecutor(ShellRunner shell, ExecutionLog log, RunProgress progress) {
        this.shell = shell;
        this.log = log;
        this.progress = progress;
    }

    @Override
    public ActionResult execute(PlannedAction action) throws InterruptedException {
        Instant start = Instant.now();
        log.detail(action.name(), action.script().strip());
        ShellResult result = shell.run(action.script(), action.timeout(),
                process -> progress.processStarted(action.name(), process));
        if (!result.output().isEmpty()) {
            log.add(action.name(), "output: " + result.output());
        }
        if (result.timedOut()) {
            return ActionResult.failure(ActionTimer.TIMEOUT, action.scriptDisplay() + ", stopped after "
                    + Retry.describe(action.timeout()), start);
        }
        if (result.exitCode() == 0) {
            return ActionResult.success(0, start);
        }
        String error = "Command returned non-zero exit status " + result.exitCode() + "."
                + (result.output().isEmpty() ? "" : " " + result.output())
                + (action.script().contains("\r\n") ? " (the script has Windows CRLF line endings, which /bin/sh"
                        + " does not read; convert it, e.g. with dos2unix)" : "");
        return ActionResult.failure(error, action.scriptDisplay(), start);
    }
}
