package io.ttx;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * TTX backend: one stateless WebFlux application, business capabilities as application modules below {@code io.ttx}
 * (root package = API, sub-packages internal; verified by ModularityTests). {@code shared} is the shared kernel.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class TtxApplication {
    public static void main(String[] args) {
        SpringApplication.run(TtxApplication.class, args);
    }
}
