package io.ttx.catalogue;

import io.ttx.catalogue.ListingChanges.Actor;
import io.ttx.catalogue.PendingRevision.RevisionStatus;
import io.ttx.catalogue.Revisions.Plan;
import io.ttx.catalogue.Revisions.Step;
import io.ttx.catalogue.persistence.ListingRecord;
import io.ttx.catalogue.persistence.ListingStore;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.shared.Ids;
import io.ttx.shared.jobs.Fence;
import io.ttx.shared.outbox.OutboxRelay;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The lifecycle every listing shares (achievements, demands): visibility, ownership checks, optimistic concurrency
 * and every change, creation included, as one {@link ListingChanges#apply transition} written in one conditional
 * write of one document. What differs per kind comes from its {@link ListingPolicy}; the roles a route needs are
 * checked once, by the route rules, and this class checks what only the record tells (organisation, reviewer).
 */
final class ListingLifecycle<C extends Record, D extends ListingRecord<C, D>, V> {
    /** Whom a system step's answer is shown to: the full record, as an administrator sees it. */
    private static final CurrentUser PLATFORM = new CurrentUser("system", Set.of(Role.ADMIN), null, null);
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

    /**
     * Applies an edit: {@code patch} turns the current content (or, of a published listing whose changes are reviewed,
     * its pending revision) into the new one (merge patch applied by the web layer). See {@link Revisions#edit}.
     */
    Mono<V> edit(CurrentUser user, String id, @Nullable Long ifMatch, UnaryOperator<C> patch) {
        return change(user, id, ifMatch, ListingAction.EDIT, null, d -> requireOwner(user, d, policy.ownerRoles()),
            Revisions.edit(policy, patch, id)).map(d -> view(user, d));
    }

    Mono<V> step(CurrentUser user, String id, @Nullable Long ifMatch, ListingAction action, @Nullable String note) {
        if (action.isReview()) {
            return change(user, id, ifMatch, action, note, d -> ListingAccess.requireReviewer(user), Revisions.<C, D>review(action, id))
                .map(d -> view(user, d));
        }
        return change(user, id, ifMatch, action, note, d -> requireOwner(user, d, policy.ownerRoles()),
            (d, from, now) -> Step.of(action, d)).map(d -> view(user, d));
    }

    /** A change of fields outside the content (e.g. a price hint) by the owner organisation's staff in {@code roles}. */
    Mono<V> amend(CurrentUser user, String id, ListingAction action, @Nullable String note, UnaryOperator<D> amendment, Role... roles) {
        return change(user, id, null, action, note, d -> requireOwner(user, d, roles),
            (d, from, now) -> Step.of(action, amendment.apply(d))).map(d -> view(user, d));
    }

    /**
     * A step the platform takes for another capability (no caller, trail actor "system" with {@code note}): written
     * when the table allows it, skipped when the listing already has {@code target} (so a redelivered event changes
     * nothing), empty when the listing does not exist; a concurrent change is retried on the new version.
     */
    Mono<V> systemStep(String id, ListingAction action, ListingStatus target, String note) {
        return Mono.defer(() -> store.find(id)).flatMap(d -> {
            if (d.status() == target) return Mono.just(d);
            Instant now = clock.instant();
            D next = ListingChanges.apply(policy, d, effectiveStatus(d, now), action, new Actor(Actor.SYSTEM.by(), null, note), d.content(), now);
            return store.replace(next, d.version()).doOnNext(saved -> relay.nudge(store.collection()))
                .switchIfEmpty(Mono.error(() -> VersionMismatch.stale(id, d.version())));
        }).retryWhen(Retry.max(5).filter(VersionMismatch.class::isInstance)).map(d -> policy.view(PLATFORM, d, effectiveStatus(d)));
    }

    /** Whether a new public document must wait for a review of the listing (then recorded as a revision). */
    Mono<Boolean> submitDocument(CurrentUser user, String id, String note) {
        return change(user, id, null, ListingAction.REVISION_SUBMITTED, note, d -> requireOwner(user, d, policy.ownerRoles()),
            Revisions.document(policy)).hasElement();
    }

    /**
     * Order of checks: visible (404), allowed (403), If-Match (412), transition (409), content rules (422). Empty when
     * the plan finds nothing to write.
     */
    private Mono<D> change(CurrentUser user, String id, @Nullable Long ifMatch, ListingAction action, @Nullable String note,
                           Consumer<D> authorize, Plan<C, D> plan) {
        return visible(user, id).flatMap(d -> {
            Instant now = clock.instant();
            authorize.accept(d);
            policy.checkTransition(d, action, now);
            if (ifMatch != null && d.version() != ifMatch) throw VersionMismatch.stale(id, d.version());
            ListingStatus from = effectiveStatus(d, now);
            Step<C, D> step = plan.of(d, from, now);
            if (step == null) return Mono.<D>empty();
            D next = ListingChanges.apply(policy, step.listing(), from, step.action(), new Actor(user.subject(), user.org(), note),
                step.content(), now);
            return store.replace(next, d.version())
                .switchIfEmpty(Mono.defer(() -> store.find(id).flatMap(latest -> Mono.error(VersionMismatch.stale(id, latest.version())))));
        }).doOnNext(d -> relay.nudge(store.collection()));
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

    Mono<ListingPage<V>> page(CurrentUser user, boolean mine, List<ListingStatus> statuses, @Nullable RevisionStatus revision,
                              @Nullable String after, int size) {
        if (!mine && !ListingAccess.seesEverything(user)) {
            return Mono.error(new NotOwner("Listing other organisations' records is for brokers, evaluators, auditors and admins; use mine=true."));
        }
        if (mine && user.org() == null) return Mono.just(new ListingPage<>(List.of(), null));
        List<String> names = statuses.stream().map(Enum::name).toList();
        return store.page(mine ? user.org() : null, names, revision == null ? null : revision.name(), after, size + 1).collectList().map(docs -> {
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

    /**
     * Deletes a draft: the transition's trail entry and {@code <Kind>Deleted} event are written with the deletion mark in
     * one conditional write, so other capabilities hear of it (documents removes the listing's files); the relay
     * delivers the event before the document is really removed. Marked WITHDRAWN too: never shown, nothing allowed.
     */
    Mono<Void> delete(CurrentUser user, String id, long ifMatch) {
        return visible(user, id).flatMap(d -> {
            requireOwner(user, d, policy.ownerRoles());
            if (d.version() != ifMatch) throw VersionMismatch.stale(id, d.version());
            if (!d.status().allows(ListingAction.DELETE)) throw new IllegalTransition(id, d.status(), ListingAction.DELETE);
            D deleted = ListingChanges.apply(policy, d, d.status(), ListingAction.DELETE, new Actor(user.subject(), user.org(), null),
                d.content(), clock.instant());
            return store.markDeleted(deleted, ifMatch).flatMap(ok -> ok ? Mono.<Void>fromRunnable(() -> relay.nudge(store.collection()))
                : store.find(id).flatMap(now -> Mono.error(VersionMismatch.stale(id, now.version()))));
        });
    }

    /** Marks published listings whose validity ended as EXPIRED (with their event), fenced by the sweep's lease; returns how many. */
    Mono<Long> expireDue(Fence fence) {
        Instant now = clock.instant();
        return store.expiredBy(now, 500)
            .concatMap(d -> store.replace(ListingChanges.apply(policy, d, ListingStatus.PUBLISHED, ListingAction.EXPIRE, Actor.SYSTEM,
                d.content(), now), d.version(), fence))
            .count()
            .doOnNext(n -> { if (n > 0) relay.nudge(store.collection()); });
    }

    private static void requireOwner(CurrentUser user, ListingRecord<?, ?> d, Role... roles) {
        ListingAccess.requireOwner(user, d.ownerOrg(), roles);
    }
}
