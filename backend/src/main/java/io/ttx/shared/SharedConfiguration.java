package io.ttx.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Beans every capability uses: the clock (never {@code Instant.now()} in code, so tests can fix time). */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
