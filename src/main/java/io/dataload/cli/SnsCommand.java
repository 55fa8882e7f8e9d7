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

/** {@code dataload sns ...}: the Python SendToETLSNS helper and topic housekeeping. */
@Command(name = "sns", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "SNS topics: publish (SendToETLSNS), create, delete, subscribe-email.",
        subcommands = {SnsCommand.Publish.class, SnsCommand.Create.class, SnsCommand.Delete.class,
            SnsCommand.SubscribeEmail.class})
final class SnsCommand implements Runnable {

    @Spec
    CommandSpec self;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(self.commandLine(), "missing command: publish, create, delete or subscribe-email");
    }

    /** The topic option and how to run a call with it. */
    static class TopicOption {
        @Mixin
        AwsHelperOptions aws = new AwsHelperOptions();

        @Option(names = "--topic", paramLabel = "NAME", description = "Topic name or ARN (default: Topic.Name or ETL).")
        String topic;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        int call(BiFunction<AwsServices, String, String> work) {
            return aws.call(spec, topic, "Topic.Name", "ETL", work);
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true, description = "Publishes MESSAGE (SendToETLSNS 'message' 'subject').")
    static final class Publish implements Callable<Integer> {
        @Mixin
        TopicOption topic = new TopicOption();

        @Parameters(index = "0", paramLabel = "MESSAGE")
        String message;

        @Parameters(index = "1", arity = "0..1", paramLabel = "SUBJECT")
        String subject;

        @Override
        public Integer call() {
            return topic.call((aws, name) -> "published to " + name + ", message id " + aws.publish(name, subject, message));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates the topic (or finds it).")
    static final class Create implements Callable<Integer> {
        @Mixin
        TopicOption topic = new TopicOption();

        @Override
        public Integer call() {
            return topic.call((aws, name) -> aws.createTopic(name));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes the topic.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        TopicOption topic = new TopicOption();

        @Override
        public Integer call() {
            return topic.call((aws, name) -> {
                aws.deleteTopic(name);
                return "deleted " + name;
            });
        }
    }

    @Command(name = "subscribe-email", mixinStandardHelpOptions = true,
            description = "Subscribes EMAIL to the topic (AWS sends a confirmation mail).")
    static final class SubscribeEmail implements Callable<Integer> {
        @Mixin
        TopicOption topic = new TopicOption();

        @Parameters(index = "0", paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            return topic.call((aws, name) -> aws.subscribeEmail(name, email));
        }
    }
}
