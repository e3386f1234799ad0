package io.ttx.catalogue;

import io.ttx.catalogue.persistence.AchievementDocument;
import io.ttx.catalogue.persistence.AchievementStore;
import io.ttx.catalogue.rules.AchievementRules;
import io.ttx.catalogue.rules.Cny;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.shared.Ids;
import io.ttx.shared.outbox.OutboxRelay;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The achievements catalogue (module API): create, read, edit and move listings through their lifecycle. Each
 * change is one conditional write of one document carrying its trail entry and its event; the relay is nudged to
 * deliver the event right away.
 */
@Service
public class Achievements {
    static final String AGGREGATE = "Achievement";
    private final AchievementStore store;
    private final OutboxRelay relay;
    private final CatalogueProperties props;
    private final Clock clock;

    Achievements(AchievementStore store, OutboxRelay relay, CatalogueProperties props, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.props = props;
        this.clock = clock;
    }

    public Mono<AchievementView> create(CurrentUser user, AchievementInput input) {
        return Mono.fromCallable(() -> {
            if (!user.hasAny(Role.RESEARCHER, Role.TTO)) throw new NotOwner("Only researchers and TTOs publish achievements.");
            String org = user.org() == null ? "" : user.org();
            AchievementInput content = AchievementRules.check(input, org);
            Instant now = clock.instant();
            String id = Ids.next("ach", now);
            HistoryEntry created = new HistoryEntry(now, user.subject(), org, ListingAction.CREATE, null, ListingStatus.DRAFT, null, null);
            return new AchievementDocument(id, org, user.subject(), ListingStatus.DRAFT, 1, now, now, null, null, content,
                priceFen(content), null, List.of(created), List.of(ListingChanges.event(AGGREGATE, ListingAction.CREATE, 1, now)));
        }).flatMap(store::insert).doOnNext(d -> relay.nudge(AchievementStore.COLLECTION)).map(d -> view(user, d));
    }

    public Mono<AchievementView> get(CurrentUser user, String id) {
        return visible(user, id).map(d -> view(user, d));
    }

    /**
     * The caller organisation's listings ({@code mine}), or, for brokers, evaluators, auditors and admins, every
     * organisation's (the review queue is {@code status=UNDER_REVIEW}). Newest first, {@code size} per page.
     */
    public Mono<ListingPage<AchievementView>> list(CurrentUser user, boolean mine, List<ListingStatus> statuses, @Nullable String after, int size) {
        if (!mine && !ListingAccess.seesEverything(user)) {
            return Mono.error(new NotOwner("Listing other organisations' records is for brokers, evaluators, auditors and admins; use mine=true."));
        }
        if (mine && user.org() == null) return Mono.just(new ListingPage<>(List.of(), null));
        List<String> names = statuses.stream().map(Enum::name).toList();
        return store.page(mine ? user.org() : null, names, after, size + 1).collectList().map(docs -> {
            boolean more = docs.size() > size;
            List<AchievementDocument> page = more ? docs.subList(0, size) : docs;
            return new ListingPage<>(views(user, page), more ? page.getLast().id() : null);
        });
    }

    /** What the caller may do with a listing it can see (404 when it cannot). */
    public Mono<ListingGrant> grant(CurrentUser user, String id) {
        return visible(user, id).map(d -> new ListingGrant(d.id(), d.ownerOrg(), effectiveStatus(d, clock.instant()),
            user.belongsTo(d.ownerOrg()) && user.hasAny(Role.RESEARCHER, Role.TTO),
            user.belongsTo(d.ownerOrg()) || user.hasAny(Role.BROKER, Role.ADMIN)));
    }

    /** The facts a valuation needs, with the caller's grant (404 when the caller cannot see the achievement). */
    public Mono<AchievementFacts> facts(CurrentUser user, String id) {
        return grant(user, id).zipWith(store.find(id), (g, d) -> new AchievementFacts(g, d.content().trl(),
            Boolean.TRUE.equals(d.content().openLicence()), d.content().field()));
    }

    /**
     * Makes a valuation's recommended range the listing's public price hint (owner organisation's TTO only): one
     * conditional write with its trail entry and event, so search shows the hint too.
     */
    public Mono<AchievementView> publishPriceHint(CurrentUser user, String id, PriceHint hint) {
        return change(user, id, null, ListingAction.PRICE_HINT, "valuation " + hint.valuationId(),
            d -> ListingAccess.requireOwner(user, d.ownerOrg(), Role.TTO), AchievementDocument::content, hint);
    }

    public Mono<List<HistoryEntry>> history(CurrentUser user, String id) {
        return visible(user, id).map(d -> {
            if (!ListingAccess.seesFull(user, d.ownerOrg())) throw new NotOwner("The trail is for the owner, brokers, auditors and admins.");
            return d.history();
        });
    }

    /** Applies an edit: {@code patch} turns the current content into the new one (merge patch applied by the web layer). */
    public Mono<AchievementView> edit(CurrentUser user, String id, @Nullable Long ifMatch, UnaryOperator<AchievementInput> patch) {
        return change(user, id, ifMatch, ListingAction.EDIT, null,
            d -> ListingAccess.requireOwner(user, d.ownerOrg(), Role.RESEARCHER, Role.TTO),
            d -> AchievementRules.check(patch.apply(d.content()), d.ownerOrg()), null);
    }

    public Mono<AchievementView> transition(CurrentUser user, String id, @Nullable Long ifMatch, ListingAction action, @Nullable String note) {
        return change(user, id, ifMatch, action, note, d -> {
            if (action == ListingAction.APPROVE || action == ListingAction.REQUEST_CHANGES || action == ListingAction.REJECT) {
                ListingAccess.requireReviewer(user);
            } else {
                ListingAccess.requireOwner(user, d.ownerOrg(), Role.RESEARCHER, Role.TTO);
            }
        }, AchievementDocument::content, null);
    }

    public Mono<Void> delete(CurrentUser user, String id, long ifMatch) {
        return visible(user, id).flatMap(d -> {
            ListingAccess.requireOwner(user, d.ownerOrg(), Role.RESEARCHER, Role.TTO);
            if (d.version() != ifMatch) throw VersionMismatch.stale(id, d.version());
            if (!d.status().allows(ListingAction.DELETE)) throw new IllegalTransition(id, d.status(), ListingAction.DELETE);
            return store.delete(id, ifMatch).flatMap(ok -> ok ? Mono.<Void>empty()
                : store.find(id).flatMap(now -> Mono.error(VersionMismatch.stale(id, now.version()))));
        });
    }

    /** Marks published listings whose validity ended as EXPIRED (with their event); returns how many. */
    public Mono<Long> expireDue() {
        Instant now = clock.instant();
        return store.expiredBy(now, 500)
            .concatMap(d -> store.replace(ListingChanges.apply(d, ListingAction.EXPIRE, ListingStatus.EXPIRED, "system", null, null, d.content(), null, now, props.validity()), d.version()))
            .count()
            .doOnNext(n -> { if (n > 0) relay.nudge(AchievementStore.COLLECTION); });
    }

    /** Order of checks: visible (404), allowed (403), If-Match (412), transition (409), content rules (422). */
    private Mono<AchievementView> change(CurrentUser user, String id, @Nullable Long ifMatch, ListingAction action, @Nullable String note,
                                         Consumer<AchievementDocument> authorize, Function<AchievementDocument, AchievementInput> content,
                                         @Nullable PriceHint hint) {
        return visible(user, id).flatMap(d -> {
            authorize.accept(d);
            if (ifMatch != null && d.version() != ifMatch) throw VersionMismatch.stale(id, d.version());
            Instant now = clock.instant();
            ListingStatus next = effectiveStatus(d, now).after(action, true, id);
            AchievementInput newContent = content.apply(d);
            List<String> changed = action == ListingAction.EDIT ? ListingChanges.changedFields(d.content(), newContent) : null;
            AchievementDocument updated = ListingChanges.apply(d, action, next, user.subject(), user.org(), note, newContent, changed, now, props.validity());
            if (hint != null) updated = ListingChanges.withPriceHint(updated, hint);
            return store.replace(priced(updated), d.version())
                .switchIfEmpty(Mono.defer(() -> store.find(id).flatMap(latest -> Mono.error(VersionMismatch.stale(id, latest.version())))));
        }).doOnNext(d -> relay.nudge(AchievementStore.COLLECTION)).map(d -> view(user, d));
    }

    private Mono<AchievementDocument> visible(CurrentUser user, String id) {
        return store.find(id)
            .filter(d -> ListingAccess.sees(user, d.ownerOrg(), effectiveStatus(d, clock.instant())))
            .switchIfEmpty(Mono.error(() -> new ListingNotFound(id)));
    }

    static ListingStatus effectiveStatus(AchievementDocument d, Instant now) {
        return d.status() == ListingStatus.PUBLISHED && d.expiresAt() != null && !d.expiresAt().isAfter(now) ? ListingStatus.EXPIRED : d.status();
    }

    AchievementView view(CurrentUser user, AchievementDocument d) {
        AchievementInput c = d.content();
        if (!ListingAccess.seesFull(user, d.ownerOrg())) c = ListingChanges.publicContent(c);
        return new AchievementView(d.id(), d.ownerOrg(), effectiveStatus(d, clock.instant()), d.version(), d.createdAt(), d.updatedAt(),
            d.publishedAt(), d.expiresAt(), d.priceHint(), c);
    }

    private static AchievementDocument priced(AchievementDocument d) {
        Long fen = priceFen(d.content());
        return new AchievementDocument(d.id(), d.ownerOrg(), d.createdBy(), d.status(), d.version(), d.createdAt(), d.updatedAt(),
            d.publishedAt(), d.expiresAt(), d.content(), fen, d.priceHint(), d.history(), d.pendingEvents());
    }

    static @Nullable Long priceFen(AchievementInput c) {
        if (c.offer() == null || c.offer().askingPrice() == null) return null;
        BigDecimal v = Cny.parse(c.offer().askingPrice().amount());
        return v == null ? null : Cny.toFen(v);
    }

    List<AchievementView> views(CurrentUser user, List<AchievementDocument> docs) {
        List<AchievementView> out = new ArrayList<>();
        for (AchievementDocument d : docs) out.add(view(user, d));
        return out;
    }
}
