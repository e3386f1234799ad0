package io.ttx.alerts;

import io.ttx.alerts.persistence.DeliveryStore;
import io.ttx.alerts.persistence.SavedSearchDocument;
import io.ttx.alerts.persistence.SavedSearchStore;
import io.ttx.alerts.webhooks.Signatures;
import io.ttx.alerts.webhooks.WebhookTargets;
import io.ttx.identity.CurrentUser;
import io.ttx.search.AchievementSearch;
import io.ttx.search.SearchQuery;
import io.ttx.shared.Ids;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.Texts;
import io.ttx.shared.web.FieldErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved searches (module API): any authenticated user keeps up to {@code ttx.alerts.max-saved-searches-per-user}
 * searches, each optionally with a webhook. They belong to the user ({@code sub}); anyone else's are 404. A query is
 * checked by the search endpoint's own parameter rules (400), a webhook URL by {@link WebhookTargets} (422); the
 * document is written only once everything passed, in one insert.
 */
@Service
public class SavedSearches {
    /** Hard bound of a listing, whatever the configured limit was when the searches were saved. */
    private static final int LIST_BOUND = 1000;
    private final SavedSearchStore store;
    private final DeliveryStore deliveries;
    private final WebhookTargets targets;
    private final AlertsProperties props;
    private final AchievementSearch search;
    private final Clock clock;

    SavedSearches(SavedSearchStore store, DeliveryStore deliveries, WebhookTargets targets, AlertsProperties props,
                  AchievementSearch search, Clock clock) {
        this.store = store;
        this.deliveries = deliveries;
        this.targets = targets;
        this.props = props;
        this.search = search;
        this.clock = clock;
    }

    /** Stores a saved search; the answer carries the webhook's signing secret, the only time it is shown. */
    public Mono<SavedSearchView> create(CurrentUser user, String name, SavedQuery query, @Nullable String webhookUrl) {
        return Mono.fromRunnable(() -> parse(query, search))
            .then(webhookUrl == null ? Mono.just(Optional.<String>empty()) : targets.check(webhookUrl).map(u -> Optional.of(u.toString())))
            .flatMap(url -> store.countOf(user.subject()).flatMap(count -> {
                if (count >= props.maxSavedSearchesPerUser()) return Mono.error(new TooManySavedSearches(props.maxSavedSearchesPerUser()));
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                SavedSearchDocument.Webhook webhook = url.map(u -> new SavedSearchDocument.Webhook(u, Signatures.newSecret())).orElse(null);
                return store.insert(new SavedSearchDocument(Ids.next("sav", now), user.subject(), user.org(), Texts.nfc(name.strip()), query, webhook, now));
            }))
            .map(d -> SavedSearchView.of(d, true));
    }

    public Mono<List<SavedSearchView>> list(CurrentUser user) {
        return store.of(user.subject(), LIST_BOUND).map(d -> SavedSearchView.of(d, false)).collectList();
    }

    public Mono<SavedSearchView> get(CurrentUser user, String id) {
        return own(user, id).map(d -> SavedSearchView.of(d, false));
    }

    /** Deletes it; notifications already sent stay, pending webhook deliveries end (FAILED, "webhook removed"). */
    public Mono<Void> delete(CurrentUser user, String id) {
        return store.delete(id, user.subject()).flatMap(deleted -> deleted ? Mono.<Void>empty() : Mono.error(new SavedSearchNotFound(id)));
    }

    /** The webhook deliveries of one of the caller's saved searches, newest first. */
    public Mono<AlertsPage<DeliveryView>> deliveries(CurrentUser user, String id, @Nullable String cursor, int size) {
        return own(user, id).flatMap(d -> deliveries.ofSavedSearch(d.id(), cursor, size + 1).collectList())
            .map(rows -> AlertsPage.of(rows, size, r -> r.id(), DeliveryView::of));
    }

    private Mono<SavedSearchDocument> own(CurrentUser user, String id) {
        return store.find(id, user.subject()).switchIfEmpty(Mono.error(() -> new SavedSearchNotFound(id)));
    }

    /** The query under the search endpoint's rules; a 400 names the offending fields as {@code query.<parameter>}. */
    static SearchQuery parse(SavedQuery query, AchievementSearch search) {
        try {
            return search.parse(query.asParameters());
        } catch (MalformedInput e) {
            Object errors = e.properties().get("errors");
            List<Map<String, String>> prefixed = errors instanceof List<?> list ? list.stream()
                .map(o -> (Map<?, ?>) o)
                .map(m -> FieldErrors.of("query." + m.get("field"), String.valueOf(m.get("code")), String.valueOf(m.get("message"))))
                .toList() : List.of();
            throw new MalformedInput(prefixed);
        }
    }
}
