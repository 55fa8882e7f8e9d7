package io.dataload.record;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Library logging (HikariCP, drivers, the AWS SDK): warnings and errors to stderr, everything with
 * {@code --debug}. Configured in code because reading an XML configuration costs a noticeable part
 * of the start-up of a short run; a configuration named by the standard
 * {@code -Dlogback.configurationFile=FILE} (through {@code DATALOAD_JAVA_OPTS}) takes over instead.
 * The lines are made by {@link Line}, not a pattern layout: the pattern parser and its 80 converter
 * classes took a third of logging's start-up.
 */
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {

    public static final String DEBUG_PROPERTY = "dataload.debug";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        boolean debug = Boolean.getBoolean(DEBUG_PROPERTY);
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        Line line = new Line(debug);
        line.setContext(context);
        line.start();
        encoder.setLayout(line);
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

    /**
     * {@code LEVEL Logger: message}, the logger's simple name (with {@code --debug}: the time, the thread
     * and the logger's whole name first), then the stack trace if there is one.
     */
    static final class Line extends LayoutBase<ILoggingEvent> {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
        private final boolean debug;

        Line(boolean debug) {
            this.debug = debug;
        }

        @Override
        public String doLayout(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(128);
            String logger = event.getLoggerName();
            if (debug) {
                line.append(TIME.format(LocalTime.ofInstant(java.time.Instant.ofEpochMilli(event.getTimeStamp()),
                        java.time.ZoneId.systemDefault()))).append(" [").append(event.getThreadName()).append("] ");
            } else {
                logger = logger.substring(logger.lastIndexOf('.') + 1);
            }
            line.append(event.getLevel()).append(' ').append(logger).append(": ").append(event.getFormattedMessage())
                    .append(CoreConstants.LINE_SEPARATOR);
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                line.append(ThrowableProxyUtil.asString(thrown)).append(CoreConstants.LINE_SEPARATOR);
            }
            return line.toString();
        }
    }
}
