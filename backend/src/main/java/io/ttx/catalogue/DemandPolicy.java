package io.ttx.catalogue;

import io.ttx.catalogue.persistence.DemandDocument;
import io.ttx.catalogue.rules.DemandRules;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.shared.Cny;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Demands in the listing lifecycle: owned by enterprises, reviewed only when configured, and valid until the end of
 * their {@code validUntil} day (China time) or the validity period, whichever comes first.
 */
final class DemandPolicy implements ListingPolicy<DemandInput, DemandDocument, DemandView> {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Role[] OWNERS = {Role.ENTERPRISE};
    private final CatalogueProperties props;

    DemandPolicy(CatalogueProperties props) {
        this.props = props;
    }

    @Override
    public String aggregate() {
        return "Demand";
    }

    @Override
    public String idPrefix() {
        return "dem";
    }

    @Override
    public Role[] ownerRoles() {
        return OWNERS.clone();
    }

    @Override
    public boolean reviewRequired() {
        return props.demandReviewRequired();
    }

    @Override
    public DemandInput check(DemandInput content, String ownerOrg, Instant now) {
        return DemandRules.check(content, ownerOrg, LocalDate.ofInstant(now, CHINA));
    }

    @Override
    public DemandDocument blank(String id, String ownerOrg, String createdBy, Instant now, DemandInput content) {
        return new DemandDocument(id, ownerOrg, createdBy, ListingStatus.DRAFT, 0, now, now, null, null, content, null, null, List.of(), List.of());
    }

    @Override
    public Instant expiry(DemandDocument d, Instant now) {
        Instant byValidity = now.plus(props.validity());
        LocalDate until = d.content().validUntil();
        if (until == null) return byValidity;
        Instant endOfDay = until.plusDays(1).atStartOfDay(CHINA).toInstant();
        return endOfDay.isBefore(byValidity) ? endOfDay : byValidity;
    }

    /** A demand whose validUntil has passed cannot be (re)published: the enterprise posts a new one instead. */
    @Override
    public void checkTransition(DemandDocument d, ListingAction action, Instant now) {
        LocalDate until = d.content().validUntil();
        boolean publishing = action == ListingAction.RENEW || action == ListingAction.APPROVE || action == ListingAction.SUBMIT;
        if (publishing && until != null && !until.isAfter(LocalDate.ofInstant(now, CHINA))) {
            throw new RuleViolations(List.of(new RuleViolations.Violation("validUntil", "inconsistent-dates",
                "the demand stood until " + until + "; post a new demand to publish it again")));
        }
    }

    @Override
    public DemandDocument derive(DemandDocument d) {
        return d.withBudgetFen(budgetFen(d.content()));
    }

    /** A demand has nothing the public does not see: every change of a published demand is reviewed (when reviews are on). */
    @Override
    public DemandInput withImmediate(DemandInput published, DemandInput proposed) {
        return published;
    }

    @Override
    public DemandView view(CurrentUser user, DemandDocument d, ListingStatus status) {
        return new DemandView(d.id(), d.ownerOrg(), status, d.version(), d.createdAt(), d.updatedAt(), d.publishedAt(), d.expiresAt(),
            d.content(), ListingAccess.seesRevisions(user, d.ownerOrg()) ? d.pendingRevision() : null);
    }

    private static @Nullable Long budgetFen(DemandInput c) {
        String amount = c.budget() != null ? c.budget().amount() : c.budgetRange() != null ? c.budgetRange().max() : null;
        BigDecimal v = Cny.parse(amount);
        return v == null ? null : Cny.toFen(v);
    }
}
