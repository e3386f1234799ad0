package io.ttx.alerts.webhooks;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.WriteTimeoutException;
import io.ttx.alerts.WebhookRefused;
import io.ttx.alerts.persistence.DeliveryDocument;
import io.ttx.alerts.persistence.DeliveryDocument.Status;
import io.ttx.alerts.persistence.DeliveryStore;
import io.ttx.alerts.persistence.NotificationDocument;
import io.ttx.alerts.persistence.NotificationStore;
import io.ttx.alerts.persistence.SavedSearchDocument;
import io.ttx.alerts.persistence.SavedSearchStore;
import io.ttx.shared.jobs.Fence;
import io.ttx.shared.outbox.OutboxEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClientException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * Webhook deliveries: the first attempt when a notification's {@code NotificationCreated} event is relayed, then
 * retries with backoff from {@link RetrySweep}. An endpoint's failure is recorded on its delivery (attempts, next
 * attempt, last status or error) and never fails the outbox batch, so one dead endpoint delays nobody else; only a
 * failure of our own store propagates (and the batch is retried, idempotently: the delivery id is derived from the
 * notification id and attempts are claimed).
 */
public class WebhookDeliveries {
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);
    private final DeliveryStore deliveries;
    private final NotificationStore notifications;
    private final SavedSearchStore savedSearches;
    private final WebhookTargets targets;
    private final WebhookSender sender;
    private final Backoff backoff;
    private final Duration claimFor;
    private final Clock clock;

    public WebhookDeliveries(DeliveryStore deliveries, NotificationStore notifications, SavedSearchStore savedSearches,
                             WebhookTargets targets, WebhookSender sender, Backoff backoff, Duration claimFor, Clock clock) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.savedSearches = savedSearches;
        this.targets = targets;
        this.sender = sender;
        this.backoff = backoff;
        this.claimFor = claimFor;
        this.clock = clock;
    }

    /** The delivery of a notification: {@code whd_} and the notification id's 20 characters (stable across retries). */
    public static String deliveryId(String notificationId) {
        return "whd_" + notificationId.substring(notificationId.indexOf('_') + 1);
    }

    /** Consumes notification events: creates each delivery (once) and makes its first attempt. */
    public Mono<Void> onEvents(List<OutboxEvent> events) {
        return Flux.fromIterable(events)
            .filter(e -> e.type().equals(NotificationDocument.CREATED))
            .flatMap(e -> start(e.aggregateId()), 8)
            .then();
    }

    /** Attempts every delivery that is due (the retry sweep; its writes fenced by its lease). */
    public Mono<Long> retryDue(int batchSize, Fence fence) {
        return deliveries.due(clock.instant(), batchSize).flatMap(id -> attempt(id, fence), 8).count();
    }

    private Mono<Void> start(String notificationId) {
        return notifications.find(notificationId)
            .filter(n -> n.savedSearchId() != null) // only saved-search matches have webhooks
            .flatMap(n -> savedSearches.find(Objects.requireNonNull(n.savedSearchId())).filter(s -> s.webhook() != null).flatMap(s -> {
                Instant now = clock.instant();
                DeliveryDocument d = new DeliveryDocument(deliveryId(n.id()), n.id(), s.id(), n.achievementId(), s.webhook().url(),
                    Status.PENDING, 0, now, null, null, null, now, null);
                return deliveries.insertOnce(d);
            }))
            .flatMap(d -> attempt(d.id(), Fence.NONE));
    }

    /** One attempt, if the delivery is pending and due (claimed first, so no one else attempts it meanwhile). */
    Mono<Void> attempt(String deliveryId, Fence fence) {
        Instant now = clock.instant();
        return deliveries.claim(deliveryId, now, now.plus(claimFor), fence)
            .flatMap(d -> send(d).flatMap(outcome -> record(d, outcome, fence)))
            .then();
    }

    private Mono<Outcome> send(DeliveryDocument d) {
        return notifications.find(d.notificationId()).zipWith(savedSearches.find(d.savedSearchId()))
            .flatMap(both -> {
                SavedSearchDocument s = both.getT2();
                if (s.webhook() == null || !s.webhook().url().equals(d.url())) return Mono.just(Outcome.giveUp(null, "webhook removed"));
                byte[] body = WebhookPayload.of(d, both.getT1(), s);
                long t = clock.instant().getEpochSecond();
                Map<String, String> headers = Map.of(Signatures.HEADER, Signatures.header(s.webhook().secret(), t, body), "TTX-Delivery", d.id());
                return targets.check(d.url())
                    .flatMap(uri -> sender.post(uri, body, headers))
                    .map(Outcome::of)
                    .onErrorResume(WebhookRefused.class, e -> Mono.just(Outcome.giveUp(null, "target address refused")))
                    .onErrorResume(e -> transportFailure(e) != null, e -> Mono.just(Outcome.retry(null, transportFailure(e))));
            })
            .defaultIfEmpty(Outcome.giveUp(null, "saved search deleted"));
    }

    private Mono<DeliveryDocument> record(DeliveryDocument d, Outcome outcome, Fence fence) {
        Instant now = clock.instant();
        int failed = d.attempts() + 1;
        Status status = outcome.verdict() == Backoff.Verdict.DELIVERED ? Status.DELIVERED : Status.FAILED;
        Instant next = null;
        if (outcome.verdict() == Backoff.Verdict.RETRY) {
            Duration wait = backoff.after(failed);
            if (wait != null) {
                status = Status.PENDING;
                next = now.plus(wait);
            }
        }
        if (status != Status.DELIVERED) log.info("webhook delivery {} attempt {} failed ({}), now {}", d.id(), failed, outcome.describe(), status);
        return deliveries.record(d.id(), d.attempts(), status, next, now, outcome.httpStatus(), outcome.error(), fence);
    }

    /** A short description of a failure to reach the endpoint, or null when the error is not one (it propagates). */
    static @Nullable String transportFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WebhookSender.AddressRefused) return "target address refused";
            if (t instanceof TimeoutException || t instanceof ReadTimeoutException || t instanceof WriteTimeoutException) return "no response in time";
            if (t instanceof SSLException) return "TLS handshake failed";
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException) return "could not connect";
            if (t.getCause() == t) break;
        }
        return e instanceof WebClientException || e instanceof IOException ? "request failed" : null;
    }

    /** What one attempt came to. */
    record Outcome(Backoff.Verdict verdict, @Nullable Integer httpStatus, @Nullable String error) {
        static Outcome of(int status) {
            Backoff.Verdict v = Backoff.verdict(status);
            return new Outcome(v, status, v == Backoff.Verdict.DELIVERED ? null : "HTTP " + status);
        }

        static Outcome retry(@Nullable Integer status, String error) {
            return new Outcome(Backoff.Verdict.RETRY, status, error);
        }

        static Outcome giveUp(@Nullable Integer status, String error) {
            return new Outcome(Backoff.Verdict.GIVE_UP, status, error);
        }

        String describe() {
            return error == null ? String.valueOf(httpStatus) : error;
        }
    }
}
