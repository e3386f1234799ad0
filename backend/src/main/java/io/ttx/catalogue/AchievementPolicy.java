package io.ttx.catalogue;

import io.ttx.catalogue.AchievementInput.Encumbrance;
import io.ttx.catalogue.AchievementInput.Offer;
import io.ttx.catalogue.persistence.AchievementDocument;
import io.ttx.catalogue.rules.AchievementRules;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.shared.Cny;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Achievements in the listing lifecycle: owned by researchers and TTOs, always reviewed, valid for a fixed period. */
final class AchievementPolicy implements ListingPolicy<AchievementInput, AchievementDocument, AchievementView> {
    private static final Role[] OWNERS = {Role.RESEARCHER, Role.TTO};
    private final CatalogueProperties props;

    AchievementPolicy(CatalogueProperties props) {
        this.props = props;
    }

    @Override
    public String aggregate() {
        return "Achievement";
    }

    @Override
    public String idPrefix() {
        return "ach";
    }

    @Override
    public Role[] ownerRoles() {
        return OWNERS.clone();
    }

    @Override
    public boolean reviewRequired() {
        return true;
    }

    @Override
    public AchievementInput check(AchievementInput content, String ownerOrg, Instant now) {
        return AchievementRules.check(content, ownerOrg);
    }

    @Override
    public AchievementDocument blank(String id, String ownerOrg, String createdBy, Instant now, AchievementInput content) {
        return new AchievementDocument(id, ownerOrg, createdBy, ListingStatus.DRAFT, 0, now, now, null, null, content, null, null, null,
            List.of(), List.of());
    }

    @Override
    public Instant expiry(AchievementDocument d, Instant now) {
        return now.plus(props.validity());
    }

    @Override
    public AchievementDocument derive(AchievementDocument d) {
        return d.with(priceFen(d.content()), d.priceHint());
    }

    @Override
    public AchievementInput withImmediate(AchievementInput p, AchievementInput proposed) {
        return immediate(p, proposed);
    }

    /** {@code p} with the contact and encumbrances of {@code proposed}. */
    private static AchievementInput immediate(AchievementInput p, AchievementInput proposed) {
        return new AchievementInput(p.title(), p.summary(), p.problemSolved(), p.advantages(), p.technicalIndicators(),
            p.applications(), p.commercialAnalysis(), p.keywords(), p.field(), p.ipcCodes(), p.industryCode(), p.region(),
            p.trl(), p.stage(), p.form(), p.ownerType(), p.inventors(), proposed.contact(), p.patents(), p.openLicence(),
            p.openLicenceFee(), proposed.encumbrances(), p.offer());
    }

    @Override
    public AchievementView view(CurrentUser user, AchievementDocument d, ListingStatus status) {
        AchievementInput c = ListingAccess.seesFull(user, d.ownerOrg()) ? d.content() : publicContent(d.content());
        return new AchievementView(d.id(), d.ownerOrg(), status, d.version(), d.createdAt(), d.updatedAt(), d.publishedAt(),
            d.expiresAt(), d.priceHint(), c, ListingAccess.seesRevisions(user, d.ownerOrg()) ? d.pendingRevision() : null);
    }

    /** The view with the contact and encumbrances an NDA unlocks. */
    static AchievementView withConfidential(AchievementView v, AchievementInput full) {
        // the public content with the fields that are not public: the same pair a reviewed change applies at once
        AchievementInput c = immediate(v.content(), full);
        return new AchievementView(v.id(), v.ownerOrg(), v.status(), v.version(), v.createdAt(), v.updatedAt(), v.publishedAt(),
            v.expiresAt(), v.priceHint(), c, v.pendingRevision());
    }

    static DealFacts dealFacts(AchievementDocument d, ListingStatus status) {
        AchievementInput c = d.content();
        Offer offer = c.offer();
        Set<TransferMode> modes = offer == null || offer.transferModes() == null ? Set.of() : Set.copyOf(offer.transferModes());
        List<EncumbranceType> exclusive = c.encumbrances() == null ? List.of() : c.encumbrances().stream().map(Encumbrance::type)
            .filter(t -> t == EncumbranceType.EXCLUSIVE_LICENCE || t == EncumbranceType.SOLE_LICENCE).toList();
        return new DealFacts(d.id(), d.ownerOrg(), status, modes, offer == null ? null : offer.tradeMethod(), d.askingPriceFen(),
            Boolean.TRUE.equals(c.openLicence()), exclusive, c.field());
    }

    /** What everyone may see: contact details and encumbrances stay with the owner until an NDA. */
    static AchievementInput publicContent(AchievementInput c) {
        return new AchievementInput(c.title(), c.summary(), c.problemSolved(), c.advantages(), c.technicalIndicators(),
            c.applications(), c.commercialAnalysis(), c.keywords(), c.field(), c.ipcCodes(), c.industryCode(), c.region(),
            c.trl(), c.stage(), c.form(), c.ownerType(), c.inventors(), null, c.patents(), c.openLicence(), c.openLicenceFee(),
            null, c.offer());
    }

    private static @Nullable Long priceFen(AchievementInput c) {
        if (c.offer() == null || c.offer().askingPrice() == null) return null;
        BigDecimal v = Cny.parse(c.offer().askingPrice().amount());
        return v == null ? null : Cny.toFen(v);
    }
}
