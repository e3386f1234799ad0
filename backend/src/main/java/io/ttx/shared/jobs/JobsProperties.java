package io.ttx.shared.jobs;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.UUID;

/**
 * @param replicaId the name this process holds leases under (the {@code owner} of the {@code leases} collection), so
 *                  an operator can tell which replica works which job; unset: a random UUID per start. Two running
 *                  processes must never share one: each would take the other's leases for its own.
 */
@Validated
@ConfigurationProperties("ttx.jobs")
public record JobsProperties(@Pattern(regexp = "[A-Za-z0-9._:-]{1,100}") String replicaId) {
    public JobsProperties {
        if (replicaId == null || replicaId.isBlank()) replicaId = UUID.randomUUID().toString();
    }
}
