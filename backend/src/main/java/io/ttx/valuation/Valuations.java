package io.ttx.valuation;

import io.ttx.catalogue.AchievementFacts;
import io.ttx.catalogue.AchievementView;
import io.ttx.catalogue.Achievements;
import io.ttx.catalogue.ListingNotFound;
import io.ttx.catalogue.PriceHint;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.Ids;
import io.ttx.valuation.domain.PlatformDeal;
import io.ttx.valuation.domain.ValuationEngine;
import io.ttx.valuation.domain.ValuationRequest;
import io.ttx.valuation.domain.ValuationResult;
import io.ttx.valuation.persistence.ValuationDocument;
import io.ttx.valuation.persistence.ValuationStore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * Valuations of achievements (module API). A valuation is computed off the event loop (the engine is CPU-bound: a
 * 1,000,000-path Monte Carlo takes a fraction of a second), then stored in one insert with its input, rule set and
 * figures, and never changed. Listing visibility is the catalogue's rule (404), the roles are {@link ValuationAccess}'s
 * (403).
 */
@Service
public class Valuations {
    static final int PLATFORM_DEALS = 20;
    static final String CURRENCY = "CNY";

    private final Achievements achievements;
    private final ValuationStore store;
    private final ClosedDeals closedDeals;
    private final ValuationProperties props;
    private final ValuationEngine engine;
    private final Clock clock;
    private final Scheduler compute = Schedulers.boundedElastic();

    Valuations(Achievements achievements, ValuationStore store, ClosedDeals closedDeals, ValuationProperties props,
               ValuationEngine engine, Clock clock) {
        this.achievements = achievements;
        this.store = store;
        this.closedDeals = closedDeals;
        this.props = props;
        this.engine = engine;
        this.clock = clock;
    }

    /** Values the achievement with the given methods and stores the result (owner's TTO, broker, evaluator, admin). */
    public Mono<ValuationView> create(CurrentUser user, String achievementId, ValuationInput input) {
        // facts() zips the visibility check with a second read: for a missing id it may complete empty, not 404
        return achievements.facts(user, achievementId).switchIfEmpty(Mono.error(() -> new ListingNotFound(achievementId)))
            .flatMap(facts -> {
                ValuationAccess.requireValuer(user, facts.grant());
                return platformDeals(input, facts)
                    .map(deals -> InputMapper.toRequest(input, facts.trl(), facts.openLicence(), deals))
                    .flatMap(this::evaluate)
                    .map(result -> document(user, facts, input, result))
                    .flatMap(store::insert);
            }).map(Valuations::view);
    }

    /** The achievement's valuations, newest first (owner's TTO and researchers, broker, evaluator, admin, auditor). */
    public Mono<ResultPage<ValuationView>> list(CurrentUser user, String achievementId, @Nullable String after, int size) {
        return achievements.grant(user, achievementId).flatMap(grant -> {
            ValuationAccess.requireReader(user, grant);
            return store.ofAchievement(achievementId, after, size + 1).map(Valuations::view).collectList()
                .map(items -> page(items, size, ValuationView::id));
        });
    }

    public Mono<ValuationView> get(CurrentUser user, String id) {
        return readable(user, id).map(Valuations::view);
    }

    /**
     * Recomputes a stored valuation from its stored input, facts, platform deals and rule set, without storing
     * anything: an audit can compare the figures with the stored ones.
     */
    public Mono<ValuationView> recompute(CurrentUser user, String id) {
        return readable(user, id).flatMap(d -> {
            List<PlatformDeal> deals = d.results().market() == null ? List.of() : d.results().market().platformDeals().stream()
                .map(p -> new PlatformDeal(p.dealId(), new BigDecimal(p.price()))).toList();
            ValuationRequest request = InputMapper.toRequest(d.input(), d.trl(), d.openLicence(), deals);
            ValuationEngine stored = new ValuationEngine(d.ruleSet().settings(props.parallelMonteCarlo()));
            return Mono.fromCallable(() -> stored.evaluate(request)).subscribeOn(compute)
                .map(result -> view(new ValuationDocument(d.id(), d.achievementId(), d.ownerOrg(), d.createdAt(), d.createdBy(),
                    d.createdByOrg(), d.trl(), d.openLicence(), d.trlAdjustment(), d.input(), d.ruleSet(),
                    ResultMapper.results(result), ResultMapper.recommended(result.recommended()))));
        });
    }

    /** Makes the valuation's recommended range the listing's public price hint (owner organisation's TTO). */
    public Mono<AchievementView> publish(CurrentUser user, String id) {
        return find(id).flatMap(d -> achievements.publishPriceHint(user, d.achievementId(),
                new PriceHint(d.recommended().low(), d.recommended().high(), CURRENCY, d.id(), clock.instant())))
            .onErrorMap(ListingNotFound.class, e -> new ValuationNotFound(id));
    }

    /** Runs the engine on a bounded-elastic worker, never on an event-loop thread. */
    Mono<ValuationResult> evaluate(ValuationRequest request) {
        return Mono.fromCallable(() -> engine.evaluate(request)).subscribeOn(compute);
    }

    private Mono<List<PlatformDeal>> platformDeals(ValuationInput input, AchievementFacts facts) {
        boolean wanted = input.methods() != null && input.methods().market() != null
            && Boolean.TRUE.equals(input.methods().market().includePlatformDeals());
        if (!wanted) return Mono.just(List.of());
        return closedDeals.inField(facts.field(), PLATFORM_DEALS)
            .map(deals -> deals.stream().map(d -> new PlatformDeal(d.dealId(), d.price())).toList());
    }

    private Mono<ValuationDocument> readable(CurrentUser user, String id) {
        return find(id).flatMap(d -> achievements.grant(user, d.achievementId())
            .doOnNext(grant -> ValuationAccess.requireReader(user, grant))
            .thenReturn(d))
            .onErrorMap(ListingNotFound.class, e -> new ValuationNotFound(id));
    }

    private Mono<ValuationDocument> find(String id) {
        return store.find(id).switchIfEmpty(Mono.error(() -> new ValuationNotFound(id)));
    }

    private ValuationDocument document(CurrentUser user, AchievementFacts facts, ValuationInput input, ValuationResult result) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as MongoDB stores it: created == fetched
        return new ValuationDocument(Ids.next("val", now), facts.grant().id(), facts.grant().ownerOrg(), now, user.subject(),
            user.org() == null ? "" : user.org(), result.trl(), facts.openLicence(), result.trlAdjustment(), input,
            props.ruleSet(), ResultMapper.results(result), ResultMapper.recommended(result.recommended()));
    }

    static ValuationView view(ValuationDocument d) {
        ValuationInput.Methods methods = d.input().methods() == null
            ? new ValuationInput.Methods(null, null, null, null, null, null) : d.input().methods();
        return new ValuationView(d.id(), d.achievementId(), d.trl(), d.openLicence(), d.trlAdjustment(), d.ruleSet().version(),
            d.createdAt(), d.createdBy(), methods, d.input().weights(), d.results(), d.recommended());
    }

    static <T> ResultPage<T> page(List<T> items, int size, Function<T, String> id) {
        boolean more = items.size() > size;
        List<T> page = more ? items.subList(0, size) : items;
        return new ResultPage<>(List.copyOf(page), more ? id.apply(page.getLast()) : null);
    }
}
