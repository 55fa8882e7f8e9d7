package io.dataload.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Library logging: warnings by default, everything with --debug, and the standard property takes over. */
class ConsoleLogConfiguratorTest {

    @AfterEach
    void clear() {
        System.clearProperty(ConsoleLogConfigurator.DEBUG_PROPERTY);
        System.clearProperty("logback.configurationFile");
    }

    private static Level configuredLevel() {
        LoggerContext context = new LoggerContext();
        new ConsoleLogConfigurator().configure(context);
        return context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel();
    }

    @Test
    void warningsByDefaultAndEverythingWithDebug() {
        assertEquals(Level.WARN, configuredLevel());
        System.setProperty(ConsoleLogConfigurator.DEBUG_PROPERTY, "true");
        assertEquals(Level.DEBUG, configuredLevel());
    }

    @Test
    void aNamedConfigurationFileTakesOver() {
        System.setProperty("logback.configurationFile", "my-logback.xml");
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, new ConsoleLogConfigurator().configure(new LoggerContext()));
    }

    @Test
    void aLineIsTheLevelTheLoggerAndTheMessageThenTheStackTrace() {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("com.zaxxer.hikari.pool.HikariPool");
        ch.qos.logback.classic.spi.LoggingEvent event = new ch.qos.logback.classic.spi.LoggingEvent(
                Logger.class.getName(), logger, Level.WARN, "pool {} is slow", null, new Object[] {"p1"});
        String line = new ConsoleLogConfigurator.Line(false).doLayout(event);
        assertEquals("WARN HikariPool: pool p1 is slow" + System.lineSeparator(), line);

        event = new ch.qos.logback.classic.spi.LoggingEvent(Logger.class.getName(), logger, Level.DEBUG, "closed",
                new IllegalStateException("gone"), null);
        event.setThreadName("main");
        String debug = new ConsoleLogConfigurator.Line(true).doLayout(event);
        assertTrue(debug.matches("(?s)\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[main\\] DEBUG com\\.zaxxer\\.hikari\\.pool\\.HikariPool: closed\\R"
                + "java\\.lang\\.IllegalStateException: gone\\R\\s+at .*"), debug);
    }
}
