package io.ttx;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** TTX backend: one stateless WebFlux application, business capabilities as packages below {@code io.ttx}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TtxApplication {
    public static void main(String[] args) {
        SpringApplication.run(TtxApplication.class, args);
    }
}
