package io.ttx.alerts;

import io.ttx.alerts.persistence.NotificationDocument;
import io.ttx.alerts.persistence.NotificationStore;
import io.ttx.alerts.persistence.SavedSearchDocument;
import io.ttx.alerts.persistence.SavedSearchStore;
import io.ttx.catalogue.AchievementEvents;
import io.ttx.catalogue.AchievementSnapshot;
import io.ttx.catalogue.ListingSnapshots;
import io.ttx.search.AchievementSearch;
import io.ttx.search.SearchQuery;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.outbox.OutboxEvent;
import io.ttx.shared.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs every saved search against the achievements an outbox batch published (the dev node has no percolator, so
 * each saved query is run restricted to those ids) and notifies the owners of matches. Registered after the search
 * indexer, so the records are in the index. Achievements of the saved search owner's own organisation are skipped.
 * Idempotent: a notification's id is derived from (saved search, achievement, version) and inserted at most once,
 * so a redelivered batch adds nothing.
 */
class SavedSearchMatcher {
    private static final Logger log = LoggerFactory.getLogger(SavedSearchMatcher.class);
    private final SavedSearchStore searches;
    private final NotificationStore notifications;
    private final ListingSnapshots<AchievementSnapshot> achievements;
    private final AchievementSearch search;
    private final OutboxRelay relay;
    private final Clock clock;

    SavedSearchMatcher(SavedSearchStore searches, NotificationStore notifications, ListingSnapshots<AchievementSnapshot> achievements,
                       AchievementSearch search, OutboxRelay relay, Clock clock) {
        this.searches = searches;
        this.notifications = notifications;
        this.achievements = achievements;
        this.search = search;
        this.relay = relay;
        this.clock = clock;
    }

    Mono<Void> accept(List<OutboxEvent> events) {
        Map<String, OutboxEvent> published = new LinkedHashMap<>();
        for (OutboxEvent e : events) if (e.type().equals(AchievementEvents.PUBLISHED)) published.put(e.aggregateId(), e);
        if (published.isEmpty()) return Mono.empty();
        return achievements.snapshots(published.keySet())
            .collectMap(AchievementSnapshot::id)
            .flatMap(records -> search.refresh().then(searches.all()
                .flatMap(s -> matches(s, records).flatMap(d -> notify(s, d, published.get(d.id()))), 4)
                .filter(created -> created)
                .count()
                .doOnNext(n -> { if (n > 0) relay.nudge(NotificationStore.COLLECTION); })))
            .then();
    }

    /** The records this saved search matches now, other organisations' only. */
    private Flux<AchievementSnapshot> matches(SavedSearchDocument s, Map<String, AchievementSnapshot> records) {
        List<String> candidates = records.values().stream().filter(d -> s.org() == null || !s.org().equals(d.ownerOrg()))
            .map(AchievementSnapshot::id).toList();
        if (candidates.isEmpty()) return Flux.empty();
        SearchQuery query;
        try {
            query = SavedSearches.parse(s.query(), search);
        } catch (MalformedInput e) {
            log.warn("saved search {} no longer passes the search rules; skipped", s.id());
            return Flux.empty();
        }
        return search.matchingIds(query, candidates).flatMapMany(Flux::fromIterable).map(records::get);
    }

    /** Emits true when a notification was created, false when it existed already (redelivery). */
    private Mono<Boolean> notify(SavedSearchDocument s, AchievementSnapshot d, OutboxEvent published) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<NotificationDocument.Event> events = s.webhook() == null ? List.of()
            : List.of(new NotificationDocument.Event(UUID.randomUUID().toString(), NotificationDocument.CREATED, 1, now));
        String id = NotificationIds.of(published.at(), s.id(), d.id(), published.version());
        return notifications.insertOnce(NotificationDocument.savedSearchMatch(id, s.owner(), s.id(), d.id(), published.version(),
            d.content().title(), now, events));
    }
}
