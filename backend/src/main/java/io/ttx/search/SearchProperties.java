package io.ttx.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param alias        read/write alias of the achievements index (the index itself is {@code <alias>-v<n>})
 * @param synonyms     classpath (or file:) resource with the synonym groups, one comma-separated group per line
 * @param maxQueryLength longest {@code q} accepted (400 above)
 */
@ConfigurationProperties("ttx.search")
public record SearchProperties(String alias, String synonyms, int maxQueryLength) {
    public SearchProperties {
        if (alias == null || alias.isBlank()) alias = "achievements";
        if (synonyms == null || synonyms.isBlank()) synonyms = "classpath:search/synonyms.txt";
        if (maxQueryLength <= 0) maxQueryLength = 256;
    }
}
