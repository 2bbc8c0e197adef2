package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.phoenixkit.migrations.support.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per applied step with its duration, lifecycle lines at INFO, nothing else above DEBUG.
 */
class LoggingTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.phoenixkit.migrations");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void migrateWhenStepsRunThenOneInfoLinePerStepWithDurationAndOnlyLifecycleOtherwise() {
        Migrator.create(TestDatabases.newDatabase().dataSource())
                .schema("logged")
                .migrate();

        List<ILoggingEvent> aboveDebug = appender.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .toList();
        List<String> stepLines = aboveDebug.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith("Applied "))
                .toList();

        assertThat(aboveDebug).allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.INFO));
        assertThat(stepLines)
                .hasSize(TestSteps.defaultStepCount())
                .allSatisfy(line -> assertThat(line)
                        .matches("Applied (V\\d{2,3}|L\\d+) \\([a-z0-9 ]+\\) on schema \"logged\" in \\d+ ms"));
        assertThat(stepLines.get(0)).startsWith("Applied V01 (version table)");
        List<String> lifecycle = aboveDebug.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(message -> !message.startsWith("Applied "))
                .toList();
        assertThat(lifecycle).hasSize(3);
        assertThat(lifecycle.subList(0, 2))
                .containsExactly(
                        "Created schema \"logged\"",
                        "Migrating schema \"logged\" from version 0 to " + Migrator.LATEST);
        assertThat(lifecycle.get(2))
                .matches("Schema \"logged\" is now at version " + Migrator.LATEST + " \\(was 0\\); "
                        + TestSteps.defaultStepCount() + " step\\(s\\) run in \\d+ ms");
    }
}
