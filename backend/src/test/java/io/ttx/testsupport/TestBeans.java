package io.ttx.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Beans every integration test shares (part of the one context): a movable clock and recording event consumers, of
 * achievement events (the primary one) and of deal events ({@code dealEventsRecorded}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {
    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    @Primary
    RecordingConsumer recordingConsumer() {
        return new RecordingConsumer();
    }

    @Bean
    RecordingConsumer dealEventsRecorded() {
        return new RecordingConsumer("test-recording-deals", "deal");
    }
}
