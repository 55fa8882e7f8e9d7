package io.dataload.execute;

import io.dataload.aws.AwsServices;
import io.dataload.db.ConnectionSource;
import io.dataload.notify.NotificationSender;
import io.dataload.plan.ActionKind;
import io.dataload.plan.Fanout;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the runs of one session share: the executors by kind, the shell handlers run in, the
 * notification sender, the Tableau refresher, and where a fan-out's items are listed from.
 */
record SessionServices(Map<ActionKind, ActionExecutor> executors, ShellRunner hookShell,
        NotificationSender notifications, TableauRefresher tableau, ConnectionSource database,
        Supplier<AwsServices> aws) {

    ActionExecutor executor(ActionKind kind) {
        return executors.get(kind);
    }

    /** Opens the item listing of a fan-out's source. */
    ItemSource items(Fanout.Source source) throws IOException, SQLException {
        return switch (source.kind()) {
            case "files" -> new FileItems(source.value());
            case "s3" -> new S3Items(source.value(), aws.get());
            default -> new QueryItems(database, source.value());
        };
    }
}
