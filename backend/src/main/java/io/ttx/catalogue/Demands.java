package io.ttx.catalogue;

import io.ttx.catalogue.persistence.DemandDocument;
import io.ttx.catalogue.persistence.DemandStore;
import io.ttx.catalogue.rules.DemandRules;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Technology demands (module API): enterprises' needs, with the same lifecycle as achievements; review before
 * publication is configurable (off by default: a submitted demand is published). A published demand expires at
 * the end of its {@code validUntil} day (China time) or after the validity period, whichever comes first.
 */
@Service
public class Demands extends ListingService<DemandInput, DemandDocument> {
    static final String AGGREGATE = "Demand";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final CatalogueProperties props;

    Demands(DemandStore store, OutboxRelay relay, CatalogueProperties props, Clock clock) {
        super(store, relay, clock, AGGREGATE, Role.ENTERPRISE);
        this.props = props;
    }

    @Override
    boolean reviewRequired() {
        return props.demandReviewRequired();
    }

    @Override
    Instant expiry(DemandDocument d, Instant now) {
        Instant byValidity = now.plus(props.validity());
        LocalDate until = d.content().validUntil();
        if (until == null) return byValidity;
        Instant endOfDay = until.plusDays(1).atStartOfDay(CHINA).toInstant();
        return endOfDay.isBefore(byValidity) ? endOfDay : byValidity;
    }

    /** A demand whose validUntil has passed cannot be (re)published: post a new one instead. */
    @Override
    void checkTransition(DemandDocument d, ListingAction action) {
        LocalDate until = d.content().validUntil();
        boolean publishing = action == ListingAction.RENEW || action == ListingAction.APPROVE || action == ListingAction.SUBMIT;
        if (publishing && until != null && !until.isAfter(LocalDate.ofInstant(clock.instant(), CHINA))) {
            throw new RuleViolations(List.of(new RuleViolations.Violation("validUntil", "inconsistent-dates",
                "the demand stood until " + until + "; post a new demand to publish it again")));
        }
    }

    @Override
    DemandDocument derive(DemandDocument d) {
        return d.withBudgetFen(budgetFen(d.content()));
    }

    public Mono<DemandView> create(CurrentUser user, DemandInput input) {
        return Mono.fromCallable(() -> {
            if (!user.has(Role.ENTERPRISE)) throw new NotOwner("Only enterprises post technology demands.");
            String org = user.org() == null ? "" : user.org();
            Instant now = clock.instant();
            DemandInput content = DemandRules.check(input, org, LocalDate.ofInstant(now, CHINA));
            HistoryEntry created = new HistoryEntry(now, user.subject(), org, ListingAction.CREATE, null, ListingStatus.DRAFT, null, null);
            return new DemandDocument(Ids.next("dem", now), org, user.subject(), ListingStatus.DRAFT, 1, now, now, null, null, content,
                budgetFen(content), List.of(created), List.of(ListingChanges.event(AGGREGATE, ListingAction.CREATE, 1, now)));
        }).flatMap(this::insert).map(this::view);
    }

    public Mono<DemandView> get(CurrentUser user, String id) {
        return visible(user, id).map(this::view);
    }

    public Mono<DemandView> edit(CurrentUser user, String id, @Nullable Long ifMatch, UnaryOperator<DemandInput> patch) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CHINA);
        return edit(user, id, ifMatch, patch, (c, org) -> DemandRules.check(c, org, today)).map(this::view);
    }

    public Mono<DemandView> step(CurrentUser user, String id, @Nullable Long ifMatch, ListingAction action, @Nullable String note) {
        return transition(user, id, ifMatch, action, note).map(this::view);
    }

    public Mono<ListingPage<DemandView>> list(CurrentUser user, boolean mine, List<ListingStatus> statuses, @Nullable String after, int size) {
        return page(user, mine, statuses, after, size).map(p -> new ListingPage<>(p.items().stream().map(this::view).toList(), p.continueAfter()));
    }

    DemandView view(DemandDocument d) {
        return new DemandView(d.id(), d.ownerOrg(), effectiveStatus(d, clock.instant()), d.version(), d.createdAt(), d.updatedAt(),
            d.publishedAt(), d.expiresAt(), d.content());
    }

    static @Nullable Long budgetFen(DemandInput c) {
        String amount = c.budget() != null ? c.budget().amount() : c.budgetRange() != null ? c.budgetRange().max() : null;
        BigDecimal v = Cny.parse(amount);
        return v == null ? null : Cny.toFen(v);
    }
}
