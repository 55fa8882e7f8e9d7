package io.dataload.execute;

import io.dataload.plan.PlannedAction;

/** {@code tableau}: an extract refresh of a Tableau data source or workbook, waited for; no database connection. */
public final class TableauActionExecutor implements ActionExecutor {
    private final TableauRefresher refresher;

    TableauActionExecutor(TableauRefresher refresher) {
        this.refresher = refresher;
    }

    @Override
    public ActionResult execute(PlannedAction action) {
        return refresher.refresh(action.name(), action.tableau());
    }
}
