package io.ttx.catalogue;

import io.ttx.catalogue.PendingRevision.RevisionStatus;
import io.ttx.catalogue.Revisions.Step;
import io.ttx.catalogue.persistence.DemandDocument;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The revision plans on demands, whose review can be switched on and off (achievements always review: see the IT). */
class RevisionsTests {
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final String OWNER = "12330100202401371E";
    /** As stored: normalised by the rules (an edit back to it must compare equal). */
    private static final DemandInput CONTENT = policy(false).check(new DemandInput(new LocalizedText("储能需求", null), new LocalizedText("需要储能方案", null),
        TechField.NEW_ENERGY, null, null, null, null, new Money("500000.00", "CNY"), null, null, "310000", null, null, null, null), OWNER, NOW);

    private static DemandPolicy policy(boolean review) {
        return new DemandPolicy(new CatalogueProperties(Duration.ofDays(365), review, Duration.ofMinutes(1)));
    }

    private static DemandDocument published(PendingRevision<DemandInput> revision) {
        return new DemandDocument("dem_1", OWNER, "u", ListingStatus.PUBLISHED, 4, NOW, NOW, NOW, NOW.plus(Duration.ofDays(30)), CONTENT,
            50_000_000L, revision, List.of(), List.of());
    }

    private static DemandInput retitled(DemandInput c) {
        return new DemandInput(new LocalizedText("储能系统需求", null), c.summary(), c.field(), c.keywords(), c.technicalIndicators(),
            c.problemToSolve(), c.currentBasis(), c.budget(), c.budgetRange(), c.cooperationModes(), c.region(), c.validUntil(),
            c.expectedDelivery(), c.ipOwnership(), c.voucherEligible());
    }

    @Test
    void withReviewOffAnEditOfAPublishedDemandAppliesAtOnce() {
        Step<DemandInput, DemandDocument> step = Revisions.edit(policy(false), RevisionsTests::retitled, "dem_1")
            .of(published(null), ListingStatus.PUBLISHED, NOW);
        assertThat(step.action()).isEqualTo(ListingAction.EDIT);
        assertThat(step.content().title().zh()).isEqualTo("储能系统需求");
        assertThat(step.listing().pendingRevision()).isNull();
    }

    @Test
    void withReviewOnAnEditOfAPublishedDemandBecomesARevision() {
        Step<DemandInput, DemandDocument> step = Revisions.edit(policy(true), RevisionsTests::retitled, "dem_1")
            .of(published(null), ListingStatus.PUBLISHED, NOW);
        assertThat(step.action()).isEqualTo(ListingAction.REVISION_SUBMITTED);
        assertThat(step.content().title().zh()).isEqualTo("储能需求");
        PendingRevision<DemandInput> r = step.listing().pendingRevision();
        assertThat(r).isNotNull();
        assertThat(r.status()).isEqualTo(RevisionStatus.UNDER_REVIEW);
        assertThat(r.content().title().zh()).isEqualTo("储能系统需求");
        assertThat(r.version()).isEqualTo(5);
        assertThat(r.submittedAt()).isEqualTo(NOW);
    }

    @Test
    void anEditThatTakesTheRevisionBackDropsIt() {
        PendingRevision<DemandInput> pending = new PendingRevision<>(RevisionStatus.UNDER_REVIEW, retitled(CONTENT), NOW, 4);
        Step<DemandInput, DemandDocument> step = Revisions.edit(policy(true), c -> CONTENT, "dem_1").of(published(pending), ListingStatus.PUBLISHED, NOW);
        assertThat(step.action()).isEqualTo(ListingAction.REVISION_DROPPED);
        assertThat(step.listing().pendingRevision()).isNull();
    }

    @Test
    void anEditOfADraftIgnoresReviewAndAnEditOfAListingUnderReviewIsAConflict() {
        DemandDocument draft = new DemandDocument("dem_1", OWNER, "u", ListingStatus.DRAFT, 1, NOW, NOW, null, null, CONTENT, null, null,
            List.of(), List.of());
        assertThat(Revisions.edit(policy(true), RevisionsTests::retitled, "dem_1").of(draft, ListingStatus.DRAFT, NOW).action())
            .isEqualTo(ListingAction.EDIT);
        assertThatThrownBy(() -> Revisions.edit(policy(true), c -> { throw new AssertionError("rules before the status table"); }, "dem_1")
            .of(draft, ListingStatus.UNDER_REVIEW, NOW)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void reviewsOfAPublishedListingDecideItsRevision() {
        PendingRevision<DemandInput> pending = new PendingRevision<>(RevisionStatus.UNDER_REVIEW, retitled(CONTENT), NOW, 4);
        Step<DemandInput, DemandDocument> approved = Revisions.<DemandInput, DemandDocument>review(ListingAction.APPROVE, "dem_1")
            .of(published(pending), ListingStatus.PUBLISHED, NOW);
        assertThat(approved.action()).isEqualTo(ListingAction.REVISION_APPROVED);
        assertThat(approved.content().title().zh()).isEqualTo("储能系统需求");
        assertThat(approved.listing().pendingRevision()).isNull();
        for (ListingAction drop : List.of(ListingAction.REQUEST_CHANGES, ListingAction.REJECT)) {
            Step<DemandInput, DemandDocument> dropped = Revisions.<DemandInput, DemandDocument>review(drop, "dem_1")
                .of(published(pending), ListingStatus.PUBLISHED, NOW);
            assertThat(dropped.action()).isEqualTo(ListingAction.REVISION_DROPPED);
            assertThat(dropped.content()).isEqualTo(CONTENT);
        }
        assertThatThrownBy(() -> Revisions.<DemandInput, DemandDocument>review(ListingAction.APPROVE, "dem_1")
            .of(published(null), ListingStatus.PUBLISHED, NOW)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void aWithdrawalDropsTheRevisionInTheSameWrite() {
        PendingRevision<DemandInput> pending = new PendingRevision<>(RevisionStatus.UNDER_REVIEW, retitled(CONTENT), NOW, 4);
        DemandDocument next = ListingChanges.apply(policy(true), published(pending), ListingStatus.PUBLISHED, ListingAction.WITHDRAW,
            new ListingChanges.Actor("u", OWNER, null), CONTENT, NOW);
        assertThat(next.pendingRevision()).isNull();
        assertThat(next.history()).extracting(HistoryEntry::action).containsExactly(ListingAction.WITHDRAW, ListingAction.REVISION_DROPPED);
        assertThat(next.pendingEvents()).extracting(e -> e.type()).containsExactly("DemandWithdrawn", "DemandRevisionDropped");
        assertThat(next.pendingEvents()).allSatisfy(e -> assertThat(e.version()).isEqualTo(5));
    }
}
