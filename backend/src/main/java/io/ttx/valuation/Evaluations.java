package io.ttx.valuation;

import io.ttx.catalogue.Achievements;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.Ids;
import io.ttx.shared.Texts;
import io.ttx.valuation.EvaluationInput.Rationale;
import io.ttx.valuation.EvaluationInput.Scores;
import io.ttx.valuation.domain.Criterion;
import io.ttx.valuation.domain.Scorecard;
import io.ttx.valuation.domain.ScorecardResult;
import io.ttx.valuation.persistence.EvaluationDocument;
import io.ttx.valuation.persistence.EvaluationStore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Qualitative evaluations of achievements by the GB/T 44731-2024 scorecard (module API): evaluators and admins score
 * any listing they see, at any status; the readers of valuations read them. Stored once, never changed.
 */
@Service
public class Evaluations {
    private final Achievements achievements;
    private final EvaluationStore store;
    private final Scorecard scorecard;
    private final ValuationProperties props;
    private final Clock clock;

    Evaluations(Achievements achievements, EvaluationStore store, Scorecard scorecard, ValuationProperties props,
                Clock clock) {
        this.achievements = achievements;
        this.store = store;
        this.scorecard = scorecard;
        this.props = props;
        this.clock = clock;
    }

    public Mono<EvaluationView> create(CurrentUser user, String achievementId, EvaluationInput input) {
        return achievements.grant(user, achievementId).map(grant -> {
            ValuationAccess.requireEvaluator(user);
            ScorecardResult result = scorecard.score(scores(input.scores()));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as MongoDB stores it: created == fetched
            Map<String, Integer> scores = new LinkedHashMap<>();
            result.scores().forEach((c, s) -> scores.put(c.key(), s));
            Map<String, String> weights = new LinkedHashMap<>();
            result.weights().forEach((c, w) -> weights.put(c.key(), w.toPlainString()));
            return new EvaluationDocument(Ids.next("eva", now), grant.id(), grant.ownerOrg(), now, user.subject(),
                user.org() == null ? "" : user.org(), props.ruleSetVersion(), scores, weights,
                result.overall().toPlainString(), rationale(input.rationale()));
        }).flatMap(store::insert).map(Evaluations::view);
    }

    public Mono<ResultPage<EvaluationView>> list(CurrentUser user, String achievementId, @Nullable String after, int size) {
        return achievements.grant(user, achievementId).flatMap(grant -> {
            ValuationAccess.requireReader(user, grant);
            return store.ofAchievement(achievementId, after, size + 1).map(Evaluations::view).collectList()
                .map(items -> Valuations.page(items, size, EvaluationView::id));
        });
    }

    private static Map<Criterion, Integer> scores(Scores s) {
        Map<Criterion, Integer> out = new EnumMap<>(Criterion.class);
        put(out, Criterion.SCIENTIFIC, s.scientific());
        put(out, Criterion.TECHNICAL, s.technical());
        put(out, Criterion.ECONOMIC, s.economic());
        put(out, Criterion.SOCIAL, s.social());
        put(out, Criterion.CULTURAL, s.cultural());
        put(out, Criterion.TRANSFER_POTENTIAL, s.transferPotential());
        return out;
    }

    private static Map<String, String> rationale(@Nullable Rationale r) {
        Map<String, String> out = new LinkedHashMap<>();
        if (r == null) return out;
        String[] texts = {r.scientific(), r.technical(), r.economic(), r.social(), r.cultural(), r.transferPotential()};
        Criterion[] criteria = Criterion.values();
        for (int i = 0; i < criteria.length; i++) {
            if (texts[i] != null) out.put(criteria[i].key(), Texts.nfc(texts[i])); // bounded by the shape check (4,000)
        }
        return out;
    }

    private static <V> void put(Map<Criterion, V> map, Criterion key, @Nullable V value) {
        if (value != null) map.put(key, value);
    }

    static EvaluationView view(EvaluationDocument d) {
        return new EvaluationView(d.id(), d.achievementId(), d.scores(), d.weights(), d.overall(),
            d.rationale() == null ? Map.of() : d.rationale(), d.ruleSetVersion(), d.createdAt(), d.createdBy());
    }
}
