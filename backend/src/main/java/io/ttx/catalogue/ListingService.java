package io.ttx.catalogue;

import io.ttx.catalogue.persistence.ListingRecord;
import io.ttx.catalogue.persistence.ListingStore;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.shared.outbox.OutboxRelay;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The lifecycle every listing shares (achievements, demands): visibility, role and ownership checks, optimistic
 * concurrency, transitions with their trail entry and event in one conditional write, paging, expiry.
 */
abstract class ListingService<C extends Record, D extends ListingRecord<C, D>> {
    protected final ListingStore<D> store;
    protected final OutboxRelay relay;
    protected final Clock clock;
    private final String aggregate;
    private final Role[] ownerRoles;

    ListingService(ListingStore<D> store, OutboxRelay relay, Clock clock, String aggregate, Role... ownerRoles) {
        this.store = store;
        this.relay = relay;
        this.clock = clock;
        this.aggregate = aggregate;
        this.ownerRoles = ownerRoles;
    }

    /** Whether submission goes through review (else it publishes directly). */
    abstract boolean reviewRequired();

    /** When a listing (re)published now expires. */
    abstract Instant expiry(D d, Instant now);

    /** A kind of listing's own precondition for a lifecycle step (after the role checks, before the transition). */
    void checkTransition(D d, ListingAction action) {
        // none by default
    }

    /** Fields derived from the content (kept in the same write), e.g. a price duplicated for range queries. */
    D derive(D d) {
        return d;
    }

    Mono<D> insert(D doc) {
        return store.insert(doc).doOnNext(d -> relay.nudge(store.collection()));
    }

    Mono<D> edit(CurrentUser user, String id, @Nullable Long ifMatch, UnaryOperator<C> patch, BiFunction<C, String, C> rules) {
        return change(user, id, ifMatch, ListingAction.EDIT, null, d -> ListingAccess.requireOwner(user, d.ownerOrg(), ownerRoles),
            d -> rules.apply(patch.apply(d.content()), d.ownerOrg()), UnaryOperator.identity());
    }

    Mono<D> transition(CurrentUser user, String id, @Nullable Long ifMatch, ListingAction action, @Nullable String note) {
        return change(user, id, ifMatch, action, note, d -> {
            if (action == ListingAction.APPROVE || action == ListingAction.REQUEST_CHANGES || action == ListingAction.REJECT) {
                ListingAccess.requireReviewer(user);
            } else {
                ListingAccess.requireOwner(user, d.ownerOrg(), ownerRoles);
            }
            checkTransition(d, action);
        }, ListingRecord::content, UnaryOperator.identity());
    }

    /** Order of checks: visible (404), allowed (403), If-Match (412), transition (409), content rules (422). */
    Mono<D> change(CurrentUser user, String id, @Nullable Long ifMatch, ListingAction action, @Nullable String note,
                   Consumer<D> authorize, Function<D, C> content, UnaryOperator<D> finish) {
        return visible(user, id).flatMap(d -> {
            authorize.accept(d);
            if (ifMatch != null && d.version() != ifMatch) throw VersionMismatch.stale(id, d.version());
            Instant now = clock.instant();
            ListingStatus from = effectiveStatus(d, now);
            ListingStatus next = from.after(action, reviewRequired(), id);
            C newContent = content.apply(d);
            List<String> changed = action == ListingAction.EDIT ? ListingChanges.changedFields(d.content(), newContent) : null;
            D updated = derive(finish.apply(ListingChanges.apply(d, aggregate, action, from, next, user.subject(), user.org(), note,
                newContent, changed, now, expiry(d, now))));
            return store.replace(updated, d.version())
                .switchIfEmpty(Mono.defer(() -> store.find(id).flatMap(latest -> Mono.error(VersionMismatch.stale(id, latest.version())))));
        }).doOnNext(d -> relay.nudge(store.collection()));
    }

    Mono<D> visible(CurrentUser user, String id) {
        return store.find(id)
            .filter(d -> ListingAccess.sees(user, d.ownerOrg(), effectiveStatus(d, clock.instant())))
            .switchIfEmpty(Mono.error(() -> new ListingNotFound(id)));
    }

    ListingStatus effectiveStatus(D d, Instant now) {
        return d.status() == ListingStatus.PUBLISHED && d.expiresAt() != null && !d.expiresAt().isAfter(now) ? ListingStatus.EXPIRED : d.status();
    }

    Mono<ListingPage<D>> page(CurrentUser user, boolean mine, List<ListingStatus> statuses, @Nullable String after, int size) {
        if (!mine && !ListingAccess.seesEverything(user)) {
            return Mono.error(new NotOwner("Listing other organisations' records is for brokers, evaluators, auditors and admins; use mine=true."));
        }
        if (mine && user.org() == null) return Mono.just(new ListingPage<>(List.of(), null));
        List<String> names = statuses.stream().map(Enum::name).toList();
        return store.page(mine ? user.org() : null, names, after, size + 1).collectList().map(docs -> {
            boolean more = docs.size() > size;
            List<D> page = more ? docs.subList(0, size) : docs;
            return new ListingPage<>(page, more ? page.getLast().id() : null);
        });
    }

    /** The caller's grant on a listing it can see (404 when it cannot). */
    public Mono<ListingGrant> grant(CurrentUser user, String id) {
        return visible(user, id).map(d -> new ListingGrant(d.id(), d.ownerOrg(), effectiveStatus(d, clock.instant()),
            user.belongsTo(d.ownerOrg()) && user.hasAny(ownerRoles), user.belongsTo(d.ownerOrg()) || user.hasAny(Role.BROKER, Role.ADMIN)));
    }

    public Mono<List<HistoryEntry>> history(CurrentUser user, String id) {
        return visible(user, id).map(d -> {
            if (!ListingAccess.seesFull(user, d.ownerOrg())) throw new NotOwner("The trail is for the owner, brokers, auditors and admins.");
            return d.history();
        });
    }

    public Mono<Void> delete(CurrentUser user, String id, long ifMatch) {
        return visible(user, id).flatMap(d -> {
            ListingAccess.requireOwner(user, d.ownerOrg(), ownerRoles);
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
            .concatMap(d -> store.replace(ListingChanges.apply(d, aggregate, ListingAction.EXPIRE, ListingStatus.PUBLISHED,
                ListingStatus.EXPIRED, "system", null, null, d.content(), null, now, d.expiresAt() == null ? now : d.expiresAt()), d.version()))
            .count()
            .doOnNext(n -> { if (n > 0) relay.nudge(store.collection()); });
    }
}
