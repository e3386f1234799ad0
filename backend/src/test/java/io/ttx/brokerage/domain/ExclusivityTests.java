package io.ttx.brokerage.domain;

import static io.ttx.brokerage.domain.TransferMode.ASSIGNMENT;
import static io.ttx.brokerage.domain.TransferMode.EQUITY;
import static io.ttx.brokerage.domain.TransferMode.EXCLUSIVE_LICENCE;
import static io.ttx.brokerage.domain.TransferMode.JOINT_DEVELOPMENT;
import static io.ttx.brokerage.domain.TransferMode.ORDINARY_LICENCE;
import static io.ttx.brokerage.domain.TransferMode.SOLE_LICENCE;
import static io.ttx.brokerage.domain.TransferMode.TECHNICAL_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which signed grants a new grant collides with. */
class ExclusivityTests {

    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final LocalDate END = LocalDate.of(2029, 12, 31);

    /** A grant in C39 in Beijing, 2025 to 2029. */
    private static Grant grant(String reference, TransferMode mode) {
        return new Grant(reference, mode, List.of("C39"), List.of("110000"), START, END);
    }

    private static Grant grant(TransferMode mode, String field, String territory, LocalDate start, @Nullable LocalDate end) {
        return new Grant("new", mode, List.of(field), List.of(territory), start, end);
    }

    private static boolean conflicts(Grant candidate, Grant signed) {
        return !Exclusivity.conflicts(candidate, List.of(signed)).isEmpty();
    }

    /** Candidate and signed grant over the same ground: which pairs collide. */
    @ParameterizedTest(name = "new {0} against signed {1}: {2}")
    @CsvSource({
        "ORDINARY_LICENCE, ORDINARY_LICENCE, false",
        "ORDINARY_LICENCE, EXCLUSIVE_LICENCE, true",
        "ORDINARY_LICENCE, SOLE_LICENCE, true",
        "EXCLUSIVE_LICENCE, ORDINARY_LICENCE, true",
        "SOLE_LICENCE, ORDINARY_LICENCE, true",
        "EXCLUSIVE_LICENCE, EXCLUSIVE_LICENCE, true",
        "SOLE_LICENCE, EXCLUSIVE_LICENCE, true",
        "EXCLUSIVE_LICENCE, ASSIGNMENT, true",
        "ORDINARY_LICENCE, ASSIGNMENT, true",
        "ORDINARY_LICENCE, EQUITY, true",
        "ASSIGNMENT, ASSIGNMENT, true",
        "ASSIGNMENT, EXCLUSIVE_LICENCE, true",
        "ASSIGNMENT, SOLE_LICENCE, true",
        "EQUITY, EXCLUSIVE_LICENCE, true",
        // licences survive a transfer: an assignment is free of ordinary licences
        "ASSIGNMENT, ORDINARY_LICENCE, false",
        "EQUITY, ORDINARY_LICENCE, false",
        // joint development and technical service grant nothing
        "TECHNICAL_SERVICE, EXCLUSIVE_LICENCE, false",
        "JOINT_DEVELOPMENT, ASSIGNMENT, false",
        "EXCLUSIVE_LICENCE, JOINT_DEVELOPMENT, false",
        "EXCLUSIVE_LICENCE, TECHNICAL_SERVICE, false"
    })
    void modesDecideOnCommonGround(TransferMode candidate, TransferMode signed, boolean conflict) {
        assertThat(conflicts(grant("new", candidate), grant("deal-1", signed))).isEqualTo(conflict);
    }

    @Test
    void anExclusiveLicenceConflictsOnlyWhereFieldTerritoryAndTermAllOverlap() {
        Grant signed = grant("deal-1", EXCLUSIVE_LICENCE);

        assertThat(conflicts(grant(ORDINARY_LICENCE, "C3911", "110105", START, null), signed)).isTrue();
        assertThat(conflicts(grant(ORDINARY_LICENCE, "*", "CN", END, END), signed)).isTrue();
        assertThat(conflicts(grant(ORDINARY_LICENCE, "C40", "110000", START, END), signed)).isFalse();
        assertThat(conflicts(grant(ORDINARY_LICENCE, "C39", "120000", START, END), signed)).isFalse();
        assertThat(conflicts(grant(ORDINARY_LICENCE, "C39", "US", START, END), signed)).isFalse();
        assertThat(conflicts(grant(ORDINARY_LICENCE, "C39", "110000", END.plusDays(1), null), signed)).isFalse();
        assertThat(conflicts(grant(EXCLUSIVE_LICENCE, "C39", "110000", LocalDate.of(2020, 1, 1), START.minusDays(1)),
                signed)).isFalse();
    }

    @Test
    void aNewExclusiveLicenceIsFreeOfOrdinaryLicencesElsewhere() {
        Grant signed = grant("deal-1", ORDINARY_LICENCE);

        assertThat(conflicts(grant(SOLE_LICENCE, "C39", "310000", START, END), signed)).isFalse();
        assertThat(conflicts(grant(SOLE_LICENCE, "C39", "CN", START, END), signed)).isTrue();
    }

    @Test
    void aSignedAssignmentConflictsWithAnyGrantDuringItsTerm() {
        Grant assigned = new Grant("deal-1", ASSIGNMENT, List.of("C39"), List.of("110000"), START, null);
        Grant equity = new Grant("deal-2", EQUITY, List.of("C39"), List.of("110000"), START, null);

        assertThat(conflicts(grant(ORDINARY_LICENCE, "A", "US", START.plusYears(3), null), assigned)).isTrue();
        assertThat(conflicts(grant(ORDINARY_LICENCE, "A", "US", START.plusYears(3), null), equity)).isTrue();
        assertThat(conflicts(grant(ORDINARY_LICENCE, "A", "US", LocalDate.of(2020, 1, 1), START.minusDays(1)),
                assigned)).isFalse();
        assertThat(conflicts(grant(TECHNICAL_SERVICE, "C39", "110000", START, null), assigned)).isFalse();
    }

    @Test
    void aTerminatedGrantEndsOnItsEffectiveDay() {
        TermSheet terms = Fixtures.sheet(EXCLUSIVE_LICENCE);
        LocalDate terminated = LocalDate.of(2026, 6, 30);
        Grant signed = Grant.of("deal-1", terms, terminated);

        assertThat(signed.termEnd()).isEqualTo(terminated);
        assertThat(conflicts(grant(EXCLUSIVE_LICENCE, "C39", "110000", terminated.plusDays(1), null), signed)).isFalse();
        assertThat(conflicts(grant(EXCLUSIVE_LICENCE, "C39", "110000", terminated, null), signed)).isTrue();
        // a termination after the term's own end changes nothing; one before its start leaves nothing
        assertThat(Grant.of("deal-1", terms, LocalDate.of(2040, 1, 1)).termEnd()).isEqualTo(terms.termEnd());
        Grant never = Grant.of("deal-1", terms, LocalDate.of(2024, 12, 31));
        assertThat(conflicts(grant(EXCLUSIVE_LICENCE, "*", "*", LocalDate.of(2000, 1, 1), null), never)).isFalse();
    }

    @Test
    void aDealsGrantComesFromItsAgreedTerms() {
        Deal terminated = DealBuilder.from(Fixtures.inStage(DealStage.REGISTERED)).terminatedOn(LocalDate.of(2027, 1, 1))
                .stage(DealStage.TERMINATED).build();

        assertThat(Grant.of(terminated)).contains(new Grant("deal-1", ORDINARY_LICENCE, List.of("C39"),
                List.of("110000"), LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1)));
        assertThat(Grant.of(Fixtures.inStage(DealStage.NEGOTIATION))).isEmpty();
    }

    @Test
    void declaredExclusiveEncumbrancesCoverEverythingForever() {
        Grant encumbrance = Grant.encumbrance("encumbrance-0", SOLE_LICENCE);

        assertThat(encumbrance).isEqualTo(new Grant("encumbrance-0", SOLE_LICENCE, List.of("*"), List.of("*"),
                LocalDate.MIN, null));
        assertThat(conflicts(grant(ORDINARY_LICENCE, "T", "JP", LocalDate.of(2199, 1, 1), null), encumbrance)).isTrue();
        assertThat(conflicts(grant(JOINT_DEVELOPMENT, "T", "JP", START, null), encumbrance)).isFalse();
        assertThatThrownBy(() -> Grant.encumbrance("encumbrance-1", ORDINARY_LICENCE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void conflictsListsTheCollidingGrantsInOrder() {
        Grant exclusiveHere = grant("deal-1", EXCLUSIVE_LICENCE);
        Grant ordinaryHere = grant("deal-2", ORDINARY_LICENCE);
        Grant exclusiveElsewhere = new Grant("deal-3", EXCLUSIVE_LICENCE, List.of("C39"), List.of("US"), START, END);
        Grant soleHere = grant("deal-4", SOLE_LICENCE);

        List<Grant> found = Exclusivity.conflicts(grant(ORDINARY_LICENCE, "C", "CN", START, null),
                List.of(exclusiveHere, ordinaryHere, exclusiveElsewhere, soleHere));

        assertThat(found).containsExactly(exclusiveHere, soleHere);
        assertThat(Exclusivity.conflicts(grant("new", EXCLUSIVE_LICENCE), List.of())).isEmpty();
    }
}
