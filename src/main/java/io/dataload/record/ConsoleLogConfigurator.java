package io.dataload.record;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Library logging (HikariCP, drivers, the AWS SDK): warnings and errors to stderr, everything with
 * {@code --debug}. Configured in code because reading an XML configuration costs a noticeable part
 * of the start-up of a short run; a configuration named by the standard
 * {@code -Dlogback.configurationFile=FILE} (through {@code DATALOAD_JAVA_OPTS}) takes over instead.
 */
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {

    public static final String DEBUG_PROPERTY = "dataload.debug";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        boolean debug = Boolean.getBoolean(DEBUG_PROPERTY);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(debug ? "%d{HH:mm:ss.SSS} [%thread] %level %logger: %msg%n" : "%level %logger{0}: %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(debug ? Level.DEBUG : Level.WARN);
        root.addAppender(appender);
        if (!debug) {
            // "connection marked as broken", with the driver's stack trace, is how the pool takes back a
            // connection that a timeout, a stop or a dropped server ended: the action's own failure
            // already says what happened, in one line
            context.getLogger("com.zaxxer.hikari.pool.ProxyConnection").setLevel(Level.ERROR);
            // the Snowflake driver logs a failed login or query as an ERROR before throwing it; the action's
            // failure says the same in one line
            context.getLogger("net.snowflake").setLevel(Level.OFF);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
