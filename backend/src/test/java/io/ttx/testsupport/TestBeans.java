package io.ttx.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Beans every integration test shares (part of the one context): a movable clock and a recording event consumer. */
@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {
    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    RecordingConsumer recordingConsumer() {
        return new RecordingConsumer();
    }
}
