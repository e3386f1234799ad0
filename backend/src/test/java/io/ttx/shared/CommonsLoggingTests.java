package io.ttx.shared;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's and Spring Security's Commons Logging messages: a disabled level costs no formatting (the SLF4J adapter
 * Commons Logging picks by itself formats first), an enabled one still reaches Logback under its logger's name.
 */
class CommonsLoggingTests {
    private static final String NAME = "io.ttx.probe.commons-logging";
    private final Logger logback = (Logger) LoggerFactory.getLogger(NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void attach() {
        logback.setLevel(Level.INFO);
        logback.setAdditive(false); // the warning's stack trace stays out of the build's output
        appender.start();
        logback.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logback.detachAppender(appender);
        logback.setLevel(null);
        logback.setAdditive(true);
    }

    @Test
    void aDisabledMessageIsNeverFormatted() {
        Log log = LogFactory.getLog(NAME);
        Counted message = new Counted("not shown");

        log.debug(message);
        log.trace(message);
        log.debug(message, new IllegalStateException("ignored"));

        assertThat(log.isDebugEnabled()).isFalse();
        assertThat(message.formatted.get()).isZero();
        assertThat(appender.list).isEmpty();
    }

    @Test
    void anEnabledMessageReachesLogbackUnderItsLoggerName() {
        Log log = LogFactory.getLog(NAME);
        IllegalStateException failure = new IllegalStateException("the cause");

        log.info(new Counted("an info line"));
        log.warn("a warning", failure);

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("an info line", "a warning");
        assertThat(appender.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO, Level.WARN);
        assertThat(appender.list).extracting(ILoggingEvent::getLoggerName).containsOnly(NAME);
        assertThat(appender.list.get(1).getThrowableProxy().getMessage()).isEqualTo("the cause");
    }

    /** A message that counts how often it is turned into text. */
    private static final class Counted {
        final AtomicInteger formatted = new AtomicInteger();
        final String text;

        Counted(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            formatted.incrementAndGet();
            return text;
        }
    }
}
