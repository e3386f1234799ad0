package io.ttx.devidp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Dev-only OAuth2 authorization server for TTX (client_credentials with roles/org/region claims). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DevIdpApplication {
    public static void main(String[] args) {
        SpringApplication.run(DevIdpApplication.class, args);
    }
}
