package io.ttx.brokerage.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One proposed term sheet, numbered 1, 2, ... in the order of proposal, with the side that proposed it and the sides
 * that accepted it. A party's proposal needs the other party's acceptance; a broker's proposal needs both parties'.
 */
public record TermsVersion(int number, TermSheet terms, Side proposedBy, Instant proposedAt, Set<Side> acceptedBy) {

    public TermsVersion {
        if (number < 1) {
            throw new IllegalArgumentException("versions are numbered from 1");
        }
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(proposedBy, "proposedBy");
        Objects.requireNonNull(proposedAt, "proposedAt");
        acceptedBy = Side.copyOf(acceptedBy);
    }

    /** The sides whose acceptance makes this version agreed. */
    public Set<Side> requiredAcceptances() {
        return switch (proposedBy) {
            case SELLER -> Set.of(Side.BUYER);
            case BUYER -> Set.of(Side.SELLER);
            case BROKER -> Side.PARTIES;
        };
    }

    public boolean isAgreed() {
        return acceptedBy.containsAll(requiredAcceptances());
    }

    TermsVersion acceptedBy(Side side) {
        return new TermsVersion(number, terms, proposedBy, proposedAt, Side.adding(acceptedBy, side));
    }
}
