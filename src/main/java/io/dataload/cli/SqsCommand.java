package io.dataload.cli;

import io.dataload.aws.AwsServices;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dataload sqs ...}: the Python SendToQueue helper and queue housekeeping. */
@Command(name = "sqs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "SQS queues: send (SendToQueue), receive, create, delete.",
        subcommands = {SqsCommand.Send.class, SqsCommand.Receive.class, SqsCommand.Create.class, SqsCommand.Delete.class})
final class SqsCommand implements Runnable {

    @Spec
    CommandSpec self;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(self.commandLine(), "missing command: send, receive, create or delete");
    }

    /** The queue option and how to run a call with it. */
    static class QueueOption {
        @Mixin
        AwsHelperOptions aws = new AwsHelperOptions();

        @Option(names = "--queue", paramLabel = "NAME", description = "Queue name or URL (default: Queue.Name or DataReadiness).")
        String queue;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        int call(BiFunction<AwsServices, String, String> work) {
            return aws.call(spec, queue, "Queue.Name", "DataReadiness", work);
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = "Sends MESSAGE (SendToQueue 'message'); the queue is created when missing.")
    static final class Send implements Callable<Integer> {
        @Mixin
        QueueOption queue = new QueueOption();

        @Parameters(index = "0", paramLabel = "MESSAGE")
        String message;

        @Override
        public Integer call() {
            return queue.call((aws, name) -> "sent to " + name + ", message id " + aws.sendMessage(name, message));
        }
    }

    @Command(name = "receive", mixinStandardHelpOptions = true,
            description = "Prints (and deletes) up to --max messages, waiting up to --wait seconds.")
    static final class Receive implements Callable<Integer> {
        @Mixin
        QueueOption queue = new QueueOption();

        @Option(names = "--wait", paramLabel = "S", defaultValue = "0", description = "Seconds to wait for a message, 0-20 (default: ${DEFAULT-VALUE}).")
        int waitSeconds;

        @Option(names = "--max", paramLabel = "N", defaultValue = "1", description = "Messages at most, 1-10 (default: ${DEFAULT-VALUE}).")
        int max;

        @Override
        public Integer call() {
            return queue.call((aws, name) -> String.join("\n", aws.receive(name, Math.max(0, Math.min(20, waitSeconds)),
                    Math.max(1, Math.min(10, max)))));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates the queue (or finds it).")
    static final class Create implements Callable<Integer> {
        @Mixin
        QueueOption queue = new QueueOption();

        @Override
        public Integer call() {
            return queue.call((aws, name) -> aws.createQueue(name));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes the queue.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        QueueOption queue = new QueueOption();

        @Override
        public Integer call() {
            return queue.call((aws, name) -> {
                aws.deleteQueue(name);
                return "deleted " + name;
            });
        }
    }
}
