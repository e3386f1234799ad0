package io.ttx.catalogue;

import io.ttx.catalogue.persistence.AchievementDocument;
import io.ttx.catalogue.persistence.AchievementStore;
import io.ttx.catalogue.rules.AchievementRules;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.shared.Cny;
import io.ttx.shared.Ids;
import io.ttx.shared.outbox.OutboxRelay;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The achievements catalogue (module API): create, read, edit and move listings through their lifecycle (see
 * {@link ListingService}); every change is one conditional write of one document carrying its trail entry and event.
 */
@Service
public class Achievements extends ListingService<AchievementInput, AchievementDocument> {
    static final String AGGREGATE = "Achievement";
    private final CatalogueProperties props;

    Achievements(AchievementStore store, OutboxRelay relay, CatalogueProperties props, Clock clock) {
        super(store, relay, clock, AGGREGATE, Role.RESEARCHER, Role.TTO);
        this.props = props;
    }

    @Override
    boolean reviewRequired() {
        return true;
    }

    @Override
    Instant expiry(AchievementDocument d, Instant now) {
        return now.plus(props.validity());
    }

    public Mono<AchievementView> create(CurrentUser user, AchievementInput input) {
        return Mono.fromCallable(() -> {
            if (!user.hasAny(Role.RESEARCHER, Role.TTO)) throw new NotOwner("Only researchers and TTOs publish achievements.");
            String org = user.org() == null ? "" : user.org();
            AchievementInput content = AchievementRules.check(input, org);
            Instant now = clock.instant();
            HistoryEntry created = new HistoryEntry(now, user.subject(), org, ListingAction.CREATE, null, ListingStatus.DRAFT, null, null);
            return new AchievementDocument(Ids.next("ach", now), org, user.subject(), ListingStatus.DRAFT, 1, now, now, null, null,
                content, priceFen(content), null, List.of(created), List.of(ListingChanges.event(AGGREGATE, ListingAction.CREATE, 1, now)));
        }).flatMap(this::insert).map(d -> view(user, d));
    }

    public Mono<AchievementView> get(CurrentUser user, String id) {
        return visible(user, id).map(d -> view(user, d));
    }

    /** Applies an edit: {@code patch} turns the current content into the new one (merge patch applied by the web layer). */
    public Mono<AchievementView> edit(CurrentUser user, String id, @Nullable Long ifMatch, UnaryOperator<AchievementInput> patch) {
        return edit(user, id, ifMatch, patch, AchievementRules::check).map(d -> view(user, d));
    }

    public Mono<AchievementView> step(CurrentUser user, String id, @Nullable Long ifMatch, ListingAction action, @Nullable String note) {
        return transition(user, id, ifMatch, action, note).map(d -> view(user, d));
    }

    /**
     * The caller organisation's listings ({@code mine}), or, for brokers, evaluators, auditors and admins, every
     * organisation's (the review queue is {@code status=UNDER_REVIEW}). Newest first, {@code size} per page.
     */
    public Mono<ListingPage<AchievementView>> list(CurrentUser user, boolean mine, List<ListingStatus> statuses, @Nullable String after, int size) {
        return page(user, mine, statuses, after, size)
            .map(p -> new ListingPage<>(p.items().stream().map(d -> view(user, d)).toList(), p.continueAfter()));
    }

    /** The facts a valuation needs, with the caller's grant (404 when the caller cannot see the achievement). */
    public Mono<AchievementFacts> facts(CurrentUser user, String id) {
        return grant(user, id).flatMap(g -> store.find(id).switchIfEmpty(Mono.error(() -> new ListingNotFound(id)))
            .map(d -> new AchievementFacts(g, d.content().trl(), Boolean.TRUE.equals(d.content().openLicence()), d.content().field())));
    }

    /**
     * Makes a valuation's recommended range the listing's public price hint (owner organisation's TTO only): one
     * conditional write with its trail entry and event, so search shows the hint too.
     */
    public Mono<AchievementView> publishPriceHint(CurrentUser user, String id, PriceHint hint) {
        return change(user, id, null, ListingAction.PRICE_HINT, "valuation " + hint.valuationId(),
            d -> ListingAccess.requireOwner(user, d.ownerOrg(), Role.TTO), AchievementDocument::content,
            d -> d.with(d.askingPriceFen(), hint)).map(d -> view(user, d));
    }

    AchievementView view(CurrentUser user, AchievementDocument d) {
        AchievementInput c = ListingAccess.seesFull(user, d.ownerOrg()) ? d.content() : publicContent(d.content());
        return new AchievementView(d.id(), d.ownerOrg(), effectiveStatus(d, clock.instant()), d.version(), d.createdAt(), d.updatedAt(),
            d.publishedAt(), d.expiresAt(), d.priceHint(), c);
    }

    @Override
    AchievementDocument derive(AchievementDocument d) {
        return d.with(priceFen(d.content()), d.priceHint());
    }

    static @Nullable Long priceFen(AchievementInput c) {
        if (c.offer() == null || c.offer().askingPrice() == null) return null;
        BigDecimal v = Cny.parse(c.offer().askingPrice().amount());
        return v == null ? null : Cny.toFen(v);
    }

    /** What everyone may see: contact details and encumbrances stay with the owner until an NDA. */
    static AchievementInput publicContent(AchievementInput c) {
        return new AchievementInput(c.title(), c.summary(), c.problemSolved(), c.advantages(), c.technicalIndicators(),
            c.applications(), c.commercialAnalysis(), c.keywords(), c.field(), c.ipcCodes(), c.industryCode(), c.region(),
            c.trl(), c.stage(), c.form(), c.ownerType(), c.inventors(), null, c.patents(), c.openLicence(), c.openLicenceFee(),
            null, c.offer());
    }
}
