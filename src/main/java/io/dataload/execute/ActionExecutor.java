package io.dataload.execute;

import io.dataload.plan.PlannedAction;

/** Runs one planned action and reports what happened; throws only for interrupts and bugs. */
public interface ActionExecutor {

    ActionResult execute(PlannedAction action) throws InterruptedException;
}
