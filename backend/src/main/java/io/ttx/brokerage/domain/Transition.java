package io.ttx.brokerage.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the transition table: the relations allowed to issue a command, the stages it may be issued in, and the
 * stage rule, a list of advances applied in order to the deal after the command's effect. No advance applies: the
 * stage stays.
 */
public record Transition(Set<Relation> actors, Set<DealStage> from, List<Advance> advances) {

    public Transition {
        actors = Set.copyOf(actors);
        from = Set.copyOf(from);
        advances = List.copyOf(advances);
    }

    /** The stage after the command: each advance whose from-stage is the current one and whose condition holds. */
    DealStage target(Deal changed) {
        DealStage stage = changed.stage();
        for (Advance advance : advances) {
            if (advance.from().contains(stage) && advance.when().holds(changed)) {
                stage = advance.to();
            }
        }
        return stage;
    }

    /** From any of {@code from}, move to {@code to} when {@code when} holds on the changed deal. */
    public record Advance(Set<DealStage> from, DealStage to, Condition when) {
        public Advance {
            from = Set.copyOf(from);
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(when, "when");
        }
    }

    /** When an advance applies, judged on the deal after the command's effect. */
    public enum Condition {
        ALWAYS,
        /** Both parties have signed the NDA. */
        NDA_SIGNED_BY_BOTH,
        /** The current term sheet version has every acceptance it needs. */
        TERMS_AGREED,
        /** Both parties have signed the contract. */
        CONTRACT_SIGNED_BY_BOTH;

        boolean holds(Deal deal) {
            return switch (this) {
                case ALWAYS -> true;
                case NDA_SIGNED_BY_BOTH -> deal.ndaSignedBy().containsAll(Side.PARTIES);
                case TERMS_AGREED -> deal.currentTerms().map(TermsVersion::isAgreed).orElse(false);
                case CONTRACT_SIGNED_BY_BOTH -> deal.contractSignedBy().containsAll(Side.PARTIES);
            };
        }
    }
}
