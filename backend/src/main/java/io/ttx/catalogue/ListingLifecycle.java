package io.ttx.catalogue;

import io.ttx.catalogue.ListingChanges.Actor;
import io.ttx.catalogue.persistence.ListingRecord;
import io.ttx.catalogue.persistence.ListingStore;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.shared.Ids;
import io.ttx.shared.outbox.OutboxRelay;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The lifecycle every listing shares (achievements, demands): visibility, ownership checks, optimistic concurrency
 * and every change, creation included, as one {@link ListingChanges#apply transition} written in one conditional
 * write of one document. What differs per kind comes from its {@link ListingPolicy}; the roles a route needs are
 * checked once, by the route rules, and this class checks what only the record tells (organisation, reviewer).
 */
final class ListingLifecycle<C extends Record, D extends ListingRecord<C, D>, V> {
    private final ListingStore<D> store;
    private final ListingPolicy<C, D, V> policy;
    private final OutboxRelay relay;
    private final Clock clock;

    ListingLifecycle(ListingStore<D> store, ListingPolicy<C, D, V> policy, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.relay = relay;
        this.clock = clock;
    }

    V view(CurrentUser user, D d) {
        return policy.view(user, d, effectiveStatus(d));
    }

    Mono<V> get(CurrentUser user, String id) {
        return visible(user, id).map(d -> view(user, d));
    }

    Mono<V> create(CurrentUser user, C input) {
        return Mono.fromCallable(() -> {
            String org = user.org() == null ? "" : user.org();
            Instant now = clock.instant();
            C content = policy.check(input, org, now);
            D blank = policy.blank(Ids.next(policy.idPrefix(), now), org, user.subject(), now, content);
            return ListingChanges.apply(policy, blank, null, ListingAction.CREATE, new Actor(user.subject(), org, null), content, now);
        }).flatMap(store::insert).doOnNext(d -> relay.nudge(store.collection())).map(d -> view(user, d));
    }

    /** Applies an edit: {@code patch} turns the current content into the new one (merge patch applied by the web layer). */
    Mono<V> edit(CurrentUser user, String id, @Nullable Long ifMatch, UnaryOperator<C> patch) {
        return change(user, id, ifMatch, ListingAction.EDIT, null, d -> requireOwner(user, d, policy.ownerRoles()),
            (d, now) -> policy.check(patch.apply(d.content()), d.ownerOrg(), now), UnaryOperator.identity());
    }

    Mono<V> step(CurrentUser user, String id, @Nullable Long ifMatch, ListingAction action, @Nullable String note) {
        return change(user, id, ifMatch, action, note, d -> {
            if (action.isReview()) ListingAccess.requireReviewer(user);
            else requireOwner(user, d, policy.ownerRoles());
        }, (d, now) -> d.content(), UnaryOperator.identity());
    }

    /** A change of fields outside the content (e.g. a price hint) by the owner organisation's staff in {@code roles}. */
    Mono<V> amend(CurrentUser user, String id, ListingAction action, @Nullable String note, UnaryOperator<D> amendment, Role... roles) {
        return change(user, id, null, action, note, d -> requireOwner(user, d, roles), (d, now) -> d.content(), amendment);
    }

    interface NewContent<C, D> {
        C of(D current, Instant now);
    }

    /** Order of checks: visible (404), allowed (403), If-Match (412), transition (409), content rules (422). */
    private Mono<V> change(CurrentUser user, String id, @Nullable Long ifMatch, ListingAction action, @Nullable String note,
                           Consumer<D> authorize, NewContent<C, D> content, UnaryOperator<D> amendment) {
        return visible(user, id).flatMap(d -> {
            Instant now = clock.instant();
            authorize.accept(d);
            policy.checkTransition(d, action, now);
            if (ifMatch != null && d.version() != ifMatch) throw VersionMismatch.stale(id, d.version());
            ListingStatus from = effectiveStatus(d, now);
            from.after(action, policy.reviewRequired(), id); // the status table speaks before the content rules
            D next = ListingChanges.apply(policy, amendment.apply(d), from, action, new Actor(user.subject(), user.org(), note),
                content.of(d, now), now);
            return store.replace(next, d.version())
                .switchIfEmpty(Mono.defer(() -> store.find(id).flatMap(latest -> Mono.error(VersionMismatch.stale(id, latest.version())))));
        }).doOnNext(d -> relay.nudge(store.collection())).map(d -> view(user, d));
    }

    Mono<D> visible(CurrentUser user, String id) {
        return store.find(id)
            .filter(d -> ListingAccess.sees(user, d.ownerOrg(), effectiveStatus(d, clock.instant())))
            .switchIfEmpty(Mono.error(() -> new ListingNotFound(id)));
    }

    ListingStatus effectiveStatus(D d) {
        return effectiveStatus(d, clock.instant());
    }

    private static ListingStatus effectiveStatus(ListingRecord<?, ?> d, Instant now) {
        return d.status() == ListingStatus.PUBLISHED && d.expiresAt() != null && !d.expiresAt().isAfter(now) ? ListingStatus.EXPIRED : d.status();
    }

    Mono<ListingPage<V>> page(CurrentUser user, boolean mine, List<ListingStatus> statuses, @Nullable String after, int size) {
        if (!mine && !ListingAccess.seesEverything(user)) {
            return Mono.error(new NotOwner("Listing other organisations' records is for brokers, evaluators, auditors and admins; use mine=true."));
        }
        if (mine && user.org() == null) return Mono.just(new ListingPage<>(List.of(), null));
        List<String> names = statuses.stream().map(Enum::name).toList();
        return store.page(mine ? user.org() : null, names, after, size + 1).collectList().map(docs -> {
            boolean more = docs.size() > size;
            List<D> page = more ? docs.subList(0, size) : docs;
            return new ListingPage<>(page.stream().map(d -> view(user, d)).toList(), more ? page.getLast().id() : null);
        });
    }

    Mono<ListingGrant> grant(CurrentUser user, String id) {
        return visible(user, id).map(d -> grantOf(user, d));
    }

    /** What the caller may do with a listing it can see: manage it (owner), see confidential material. */
    ListingGrant grantOf(CurrentUser user, D d) {
        return new ListingGrant(d.id(), d.ownerOrg(), effectiveStatus(d), user.belongsTo(d.ownerOrg()) && user.hasAny(policy.ownerRoles()),
            user.belongsTo(d.ownerOrg()) || user.hasAny(Role.BROKER, Role.ADMIN));
    }

    Mono<List<HistoryEntry>> history(CurrentUser user, String id) {
        return visible(user, id).map(d -> {
            if (!ListingAccess.seesFull(user, d.ownerOrg())) throw new NotOwner("The trail is for the owner, brokers, auditors and admins.");
            return d.history();
        });
    }

    Mono<Void> delete(CurrentUser user, String id, long ifMatch) {
        return visible(user, id).flatMap(d -> {
            requireOwner(user, d, policy.ownerRoles());
            if (d.version() != ifMatch) throw VersionMismatch.stale(id, d.version());
            if (!d.status().allows(ListingAction.DELETE)) throw new IllegalTransition(id, d.status(), ListingAction.DELETE);
            return store.delete(id, ifMatch).flatMap(ok -> ok ? Mono.<Void>empty()
                : store.find(id).flatMap(now -> Mono.error(VersionMismatch.stale(id, now.version()))));
        });
    }

    /** Marks published listings whose validity ended as EXPIRED (with their event); returns how many. */
    Mono<Long> expireDue() {
        Instant now = clock.instant();
        return store.expiredBy(now, 500)
            .concatMap(d -> store.replace(ListingChanges.apply(policy, d, ListingStatus.PUBLISHED, ListingAction.EXPIRE, Actor.SYSTEM,
                d.content(), now), d.version()))
            .count()
            .doOnNext(n -> { if (n > 0) relay.nudge(store.collection()); });
    }

    private static void requireOwner(CurrentUser user, ListingRecord<?, ?> d, Role... roles) {
        ListingAccess.requireOwner(user, d.ownerOrg(), roles);
    }
}
