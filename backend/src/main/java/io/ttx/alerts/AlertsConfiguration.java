package io.ttx.alerts;

import io.ttx.alerts.persistence.DeliveryStore;
import io.ttx.alerts.persistence.NotificationDocument;
import io.ttx.alerts.persistence.NotificationStore;
import io.ttx.alerts.persistence.SavedSearchStore;
import io.ttx.alerts.webhooks.Backoff;
import io.ttx.alerts.webhooks.RetrySweep;
import io.ttx.alerts.webhooks.WebhookDeliveries;
import io.ttx.alerts.webhooks.WebhookSender;
import io.ttx.alerts.webhooks.WebhookTargets;
import io.ttx.brokerage.Brokerage;
import io.ttx.brokerage.DealEvents;
import io.ttx.catalogue.AchievementEvents;
import io.ttx.catalogue.AchievementSnapshot;
import io.ttx.catalogue.ListingSnapshots;
import io.ttx.search.AchievementSearch;
import io.ttx.shared.jobs.Leases;
import io.ttx.shared.jobs.StartupTask;
import io.ttx.shared.outbox.OutboxConsumer;
import io.ttx.shared.outbox.OutboxRelay;
import io.ttx.shared.outbox.OutboxSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import javax.net.ssl.TrustManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Wires saved searches to the outbox: published achievements are matched after the search indexer has indexed them
 * ({@link Order} 10, the indexer is 0), notifications are an outbox source whose events start webhook deliveries,
 * and a leased sweep retries due deliveries. Deal events notify the deals' parties.
 */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {
    /** After the search indexer ({@code @Order(0)} in SearchConfiguration). */
    static final int MATCHER_ORDER = 10;

    @Bean
    OutboxSource notificationEvents() {
        return new OutboxSource(NotificationStore.COLLECTION, NotificationDocument.AGGREGATE_TYPE);
    }

    @Bean
    WebhookTargets webhookTargets(AlertsProperties props) {
        return new WebhookTargets(props.webhooks().allowPrivateTargets(), props.webhooks().connectTimeout());
    }

    @Bean
    WebhookDeliveries webhookDeliveries(DeliveryStore deliveries, NotificationStore notifications, SavedSearchStore searches,
                                        WebhookTargets targets, ObjectProvider<WebClient.Builder> builder, AlertsProperties props,
                                        ObjectProvider<SslBundles> bundles, Clock clock) {
        AlertsProperties.Webhooks w = props.webhooks();
        TrustManagerFactory trust = w.sslBundle() == null ? null
            : bundles.getObject().getBundle(w.sslBundle()).getManagers().getTrustManagerFactory();
        WebhookSender sender = new WebhookSender(builder.getIfAvailable(WebClient::builder), w.connectTimeout(), w.readTimeout(),
            w.allowPrivateTargets(), trust);
        Duration claim = w.connectTimeout().plus(w.connectTimeout()).plus(w.readTimeout()).plusSeconds(30);
        return new WebhookDeliveries(deliveries, notifications, searches, targets, sender, new Backoff(w.backoff(), w.maxAttempts()), claim, clock);
    }

    @Bean
    RetrySweep webhookRetrySweep(WebhookDeliveries deliveries, Leases leases, AlertsProperties props) {
        return new RetrySweep(deliveries, leases, props.webhooks().sweepInterval(), props.webhooks().sweepBatchSize());
    }

    @Bean
    @Order(MATCHER_ORDER)
    OutboxConsumer achievementsToSavedSearches(SavedSearchStore searches, NotificationStore notifications,
                                               ListingSnapshots<AchievementSnapshot> achievements, AchievementSearch search,
                                               OutboxRelay relay, Clock clock) {
        SavedSearchMatcher matcher = new SavedSearchMatcher(searches, notifications, achievements, search, relay, clock);
        return OutboxConsumer.of("saved-search-matching", AchievementEvents.AGGREGATE_TYPE, matcher::accept);
    }

    /** Every deal event tells the deal's other parties (and an idle deal its broker and the party it waits for). */
    @Bean
    OutboxConsumer dealNotifications(Brokerage brokerage, NotificationStore notifications,
                                     ListingSnapshots<AchievementSnapshot> achievements, Clock clock) {
        return OutboxConsumer.of("deal-notifications", DealEvents.AGGREGATE_TYPE,
            new DealNotifier(brokerage, notifications, achievements, clock)::accept);
    }

    @Bean
    OutboxConsumer notificationsToWebhooks(WebhookDeliveries deliveries) {
        return OutboxConsumer.of("webhook-deliveries", NotificationDocument.AGGREGATE_TYPE, deliveries::onEvents);
    }


    /** Indexes for the owner and recipient lists (a user's own, its organisation's), the relay, and the retry sweep. */
    @Bean
    StartupTask alertIndexes(ReactiveMongoTemplate mongo) {
        return StartupTask.of("alert indexes", () -> Flux.concat(
                mongo.indexOps(SavedSearchStore.COLLECTION).createIndex(new Index().on("owner", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).named("owner_id")),
                mongo.indexOps(NotificationStore.COLLECTION).createIndex(new Index().on("recipient", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).named("recipient_id")),
                mongo.indexOps(NotificationStore.COLLECTION).createIndex(new Index().on("org", Sort.Direction.ASC).on("role", Sort.Direction.ASC)
                    .on("_id", Sort.Direction.DESC).named("org_role_id")),
                mongo.indexOps(NotificationStore.COLLECTION).createIndex(new Index().on("pendingEvents.id", Sort.Direction.ASC).sparse().named("pending_events")),
                mongo.indexOps(DeliveryStore.COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC).named("status_due")),
                mongo.indexOps(DeliveryStore.COLLECTION).createIndex(new Index().on("savedSearchId", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).named("search_id"))));
    }
}
