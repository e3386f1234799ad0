package io.ttx.search;

import io.ttx.catalogue.LocalizedText;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One docking result: an achievement (for a demand, or similar to an achievement) or a demand (for an achievement),
 * its public headline fields, the relevance score and why it matched: the shared terms and the fields they were in.
 */
public record Match(String id, LocalizedText title, LocalizedText summary, String field, @Nullable Integer trl, String region,
                    String ownerOrg, @Nullable String askingPrice, @Nullable String budget, double score, Reason reason) {

    public record Reason(List<String> matchedTerms, List<String> fields) { }

    public record Page(List<Match> items) { }
}
