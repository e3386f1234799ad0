package io.ttx.search;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param alias          read/write alias of the achievements index (the index itself is {@code <alias>-v<n>})
 * @param demandsAlias   the same for technology demands
 * @param synonyms       classpath (or file:) resource with the synonym groups, one comma-separated group per line
 * @param maxQueryLength longest {@code q} accepted (400 above)
 * @param replicas       replicas per shard of new indices (0 on a single dev node, at least 1 on a cluster)
 * @param budgetTolerancePercent how far an asking price may exceed a demand's budget and still match (negotiation room)
 * @param reindexBatch   records per bulk request when an index is rebuilt
 * @param reindexLease   how long a rebuild's lease lasts without renewal (another replica may take over after it)
 */
@Validated
@ConfigurationProperties("ttx.search")
public record SearchProperties(@NotBlank String alias, @NotBlank String demandsAlias, @NotBlank String synonyms, @Positive int maxQueryLength,
                               @PositiveOrZero int replicas, @PositiveOrZero int budgetTolerancePercent, @Positive int reindexBatch,
                               @DurationMin(seconds = 1) Duration reindexLease) {
    public SearchProperties {
        if (alias == null || alias.isBlank()) alias = "achievements";
        if (demandsAlias == null || demandsAlias.isBlank()) demandsAlias = "demands";
        if (synonyms == null || synonyms.isBlank()) synonyms = "classpath:search/synonyms.txt";
        if (maxQueryLength <= 0) maxQueryLength = 256;
        if (replicas < 0) replicas = 0;
        if (budgetTolerancePercent < 0) budgetTolerancePercent = 20;
        if (reindexBatch <= 0) reindexBatch = 500;
        if (reindexLease == null) reindexLease = Duration.ofMinutes(2);
    }
}
