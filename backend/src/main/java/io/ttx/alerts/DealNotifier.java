package io.ttx.alerts;

import io.ttx.alerts.persistence.NotificationDocument;
import io.ttx.alerts.persistence.NotificationStore;
import io.ttx.brokerage.Brokerage;
import io.ttx.brokerage.DealEvents;
import io.ttx.brokerage.DealSnapshot;
import io.ttx.brokerage.DealSnapshot.Expected;
import io.ttx.brokerage.DealSnapshot.Party;
import io.ttx.catalogue.AchievementSnapshot;
import io.ttx.catalogue.ListingSnapshots;
import io.ttx.catalogue.LocalizedText;
import io.ttx.shared.outbox.OutboxEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a deal's parties what happened on it (the {@code deal-notifications} consumer of deal events): a
 * {@code DEAL_ACTION} notification for each party organisation, in the role it acts through (seller: tto, buyer:
 * enterprise, broker: broker), see {@link #notice}. The deal's state comes from {@link Brokerage#snapshot}, never from
 * the brokerage's storage. Idempotent: a notification's id is derived from (event, organisation, role), so a
 * redelivered event inserts nothing new.
 */
final class DealNotifier {
    /** The action of an idle deal's notification. */
    static final String IDLE = "IDLE";
    private static final Logger log = LoggerFactory.getLogger(DealNotifier.class);
    private final Brokerage deals;
    private final NotificationStore notifications;
    private final ListingSnapshots<AchievementSnapshot> achievements;
    private final Clock clock;

    DealNotifier(Brokerage deals, NotificationStore notifications, ListingSnapshots<AchievementSnapshot> achievements, Clock clock) {
        this.deals = deals;
        this.notifications = notifications;
        this.achievements = achievements;
        this.clock = clock;
    }

    /**
     * What one event tells whom: the action, the stage after it, the next step after it (null when the deal had already
     * moved on when the notification was made: what it expected right after the event is no longer known), and the
     * parties to notify.
     */
    record Notice(OutboxEvent event, String action, String stage, @Nullable Expected expected, List<Party> to) { }

    Mono<Void> accept(List<OutboxEvent> events) {
        Map<String, List<OutboxEvent>> byDeal = new LinkedHashMap<>();
        for (OutboxEvent e : events) byDeal.computeIfAbsent(e.aggregateId(), id -> new ArrayList<>()).add(e);
        return Flux.fromIterable(byDeal.entrySet())
            .concatMap(entry -> deals.snapshot(entry.getKey()).flatMapMany(deal -> notify(deal, entry.getValue())))
            .then();
    }

    private Flux<Boolean> notify(DealSnapshot deal, List<OutboxEvent> events) {
        List<Notice> notices = events.stream().map(e -> notice(deal, e)).flatMap(Optional::stream).filter(n -> !n.to().isEmpty()).toList();
        if (notices.isEmpty()) return Flux.empty();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return title(deal.achievementId()).flatMapMany(title -> Flux.fromIterable(notices)
            .concatMap(n -> Flux.fromIterable(n.to()).concatMap(p -> notifications.insertOnce(document(deal, n, p, title.orElse(null), now)))));
    }

    /**
     * What an event tells whom; empty when it tells nobody anything.
     * <ul>
     *   <li>A command (or the opening): every party the deal had at the event's version except the side that acted (an
     *   administrator is no party: everyone hears). The broker is a party from its claim or assignment on, so an
     *   unclaimed deal's opening tells the seller only: brokers in general find it in the claim queue.</li>
     *   <li>{@code DealIdle}: the broker, and the party the next step waits for (SELLER, BUYER or both; while no broker
     *   claimed the deal, the seller, who may assign one). Nothing when the deal moved on or ended since it went idle.</li>
     * </ul>
     * The next step is the deal's right after the event, known while the deal is still at the event's version (almost
     * always: notifications follow within a second); otherwise it is left out rather than guessed.
     */
    static Optional<Notice> notice(DealSnapshot deal, OutboxEvent e) {
        if (e.type().equals(DealEvents.IDLE)) {
            if (deal.version() != e.version() || !deal.active()) return Optional.empty();
            return Optional.of(new Notice(e, IDLE, deal.stage(), deal.expected(), idleRecipients(deal)));
        }
        Optional<DealSnapshot.Step> step = deal.step(e.version());
        if (step.isEmpty()) {
            log.warn("deal {} has no trail step for version {} of event {}; nobody notified", deal.id(), e.version(), e.id());
            return Optional.empty();
        }
        DealSnapshot.Step s = step.get();
        List<Party> to = deal.partiesAt(e.version()).stream().filter(p -> !p.side().equals(s.actedAs())).toList();
        return Optional.of(new Notice(e, s.action(), s.stageAfter(), deal.version() == e.version() ? deal.expected() : null, to));
    }

    private static List<Party> idleRecipients(DealSnapshot deal) {
        Set<String> sides = new LinkedHashSet<>();
        boolean brokered = deal.party(DealSnapshot.BROKER).isPresent();
        if (brokered) sides.add(DealSnapshot.BROKER);
        switch (deal.expected().who()) {
            case DealSnapshot.SELLER -> sides.add(DealSnapshot.SELLER);
            case DealSnapshot.BUYER -> sides.add(DealSnapshot.BUYER);
            case DealSnapshot.BOTH -> {
                sides.add(DealSnapshot.SELLER);
                sides.add(DealSnapshot.BUYER);
            }
            case DealSnapshot.BROKER -> { if (!brokered) sides.add(DealSnapshot.SELLER); }
            default -> { }
        }
        return deal.parties().stream().filter(p -> sides.contains(p.side())).toList();
    }

    private Mono<Optional<LocalizedText>> title(String achievementId) {
        return achievements.snapshot(achievementId).map(a -> Optional.of(a.content().title())).defaultIfEmpty(Optional.empty());
    }

    private static NotificationDocument document(DealSnapshot deal, Notice n, Party to, @Nullable LocalizedText title, Instant now) {
        String role = to.role().claim();
        OutboxEvent e = n.event();
        Expected next = n.expected();
        return NotificationDocument.dealAction(NotificationIds.forDealEvent(e.at(), e.id(), to.org(), role), to.org(), role,
            deal.achievementId(), title, new NotificationDocument.DealAction(deal.id(), e.id(), n.action(), n.stage(),
                next == null ? null : next.step(), next == null ? null : next.who()), now);
    }
}
