package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Like;
import co.elastic.clients.elasticsearch._types.query_dsl.MoreLikeThisQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.ttx.catalogue.AchievementSnapshot;
import io.ttx.catalogue.DemandSnapshot;
import io.ttx.catalogue.TransferMode;
import io.ttx.search.Match;
import io.ttx.search.SearchProperties;
import io.ttx.shared.Cny;
import io.ttx.shared.stores.Async;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Docking in both directions with more-like-this over title, summary and keywords (both languages) of the given
 * listing, sent as an artificial document so drafts and listings not in the index can be matched too, plus
 * business rules: a listing is related when it shares a term or the technical field, the same field scores higher, the same province scores higher, an asking price may
 * exceed a budget by at most the configured tolerance, offered transfer modes must meet the wanted cooperation
 * modes (listings that state none are not excluded), and only published, unexpired listings come back.
 */
@Component
public class MatchEngine {
    static final List<String> FIELDS = List.of("title.zh", "title.en", "summary.zh", "summary.en", "keywords", "keywords.en");
    /**
     * Live listings, with {@code gte}: expiring at or after the start of the current minute. Rounded so that the filter
     * is the same for a minute and Elasticsearch caches it; a listing may therefore stay findable up to 60 s past its
     * expiresAt (the expiry sweep takes it out of the index anyway). {@code gt now/m} would round up instead and hide
     * listings up to 60 s before they expire.
     */
    static final String LIVE = "now/m";
    /** Equal scores are ordered by id, so a page does not change between identical requests. */
    static final List<SortOptions> BY_SCORE_THEN_ID = List.of(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))),
        SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
    private final ElasticsearchAsyncClient es;
    private final AchievementIndex achievements;
    private final DemandIndex demands;
    private final SearchProperties props;

    MatchEngine(ElasticsearchAsyncClient es, AchievementIndex achievements, DemandIndex demands, SearchProperties props) {
        this.es = es;
        this.achievements = achievements;
        this.demands = demands;
        this.props = props;
    }

    /** Other achievements like this one. */
    public Mono<List<Match>> similar(AchievementSnapshot a, int size) {
        Map<String, Object> like = SearchDocuments.of(a, List.of());
        return run(achievements, like, a.content().field().name(), a.content().region(), size, b -> b.mustNot(n -> n.ids(i -> i.values(a.id()))));
    }

    /** Achievements that could meet this demand: budget versus asking price, cooperation modes, region preference. */
    public Mono<List<Match>> achievementsFor(DemandSnapshot d, int size) {
        Map<String, Object> like = SearchDocuments.of(d, List.of());
        List<TransferMode> modes = d.content().cooperationModes() == null ? List.of() : d.content().cooperationModes();
        return run(achievements, like, d.content().field().name(), d.content().region(), size, b -> {
            if (d.budgetFen() != null) {
                long ceiling = d.budgetFen() + d.budgetFen() * props.budgetTolerancePercent() / 100;
                b.filter(orMissing("priceFen", Query.of(q -> q.range(r -> r.untyped(u -> u.field("priceFen").lte(JsonData.of(ceiling)))))));
            }
            if (!modes.isEmpty()) b.filter(orMissing("transferMode", terms("transferMode", modes)));
            // industrial buyers need mature technology: a mild preference, not a filter
            b.should(s -> s.range(r -> r.untyped(u -> u.field("trl").gte(JsonData.of(6)).boost(0.5f))));
        });
    }

    /** Demands this achievement could meet: the mirror of {@link #achievementsFor}. */
    public Mono<List<Match>> demandsFor(AchievementSnapshot a, int size) {
        Map<String, Object> like = SearchDocuments.of(a, List.of());
        List<TransferMode> modes = a.content().offer() == null || a.content().offer().transferModes() == null
            ? List.of() : a.content().offer().transferModes();
        return run(demands, like, a.content().field().name(), a.content().region(), size, b -> {
            if (a.askingPriceFen() != null) {
                // budget * (1 + tolerance) >= price  <=>  budget >= price * 100 / (100 + tolerance)
                long floor = a.askingPriceFen() * 100 / (100 + props.budgetTolerancePercent());
                b.filter(orMissing("budgetFen", Query.of(q -> q.range(r -> r.untyped(u -> u.field("budgetFen").gte(JsonData.of(floor)))))));
            }
            if (!modes.isEmpty()) b.filter(orMissing("cooperationMode", terms("cooperationMode", modes)));
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Mono<List<Match>> run(SearchIndex target, Map<String, Object> like, String field, String region, int size, Consumer<BoolQuery.Builder> rules) {
        Map<String, Object> likeText = Map.of("title", like.get("title"), "summary", like.get("summary"), "keywords", like.get("keywords"));
        String province = region.substring(0, 2) + "0000";
        Like likeDoc = Like.of(l -> l.document(doc -> doc.index(target.alias()).doc(JsonData.of(likeText))));
        Query query = Query.of(q -> q.bool(b -> {
            // which listings are related: enough terms in common (either language) or the same technical field. The
            // share of the like-text's terms cannot be met by the short records of a small catalogue, which then docked
            // nothing at all; the same field admits them, and a single shared boilerplate word admits nothing else
            b.filter(f -> f.bool(related -> related.should(s -> s.moreLikeThis(mlt -> terms(mlt, likeDoc).minimumShouldMatch("15%")))
                .should(s -> s.term(t -> t.field("field").value(field))).minimumShouldMatch("1")));
            // how they rank: every term in common, the same field, the same province
            b.should(s -> s.moreLikeThis(mlt -> terms(mlt, likeDoc).minimumShouldMatch("1")));
            b.should(s -> s.term(t -> t.field("field").value(field).boost(2f)));
            b.should(s -> s.term(t -> t.field("regionPath").value(province).boost(1f)));
            b.filter(f -> f.range(r -> r.untyped(u -> u.field("expiresAt").gte(JsonData.of(LIVE)))));
            rules.accept(b);
            return b;
        }));
        String surface = surfaceText(likeText);
        return target.ready().then(Async.mono(() -> es.search(s -> s.index(target.alias()).query(query).size(size).explain(true)
                .trackTotalHits(t -> t.enabled(false)).sort(BY_SCORE_THEN_ID).trackScores(true), Map.class)))
            .map(r -> {
                List<Match> out = new ArrayList<>();
                for (Hit<Map<String, Object>> h : ((SearchResponse<Map<String, Object>>) (SearchResponse) r).hits().hits()) out.add(match(h, surface));
                return out;
            });
    }

    @SuppressWarnings("unchecked")
    private static Match match(Hit<Map<String, Object>> h, String likeSurface) {
        Map<String, Object> s = h.source();
        Object price = s.get("priceFen");
        Object budget = s.get("budgetFen");
        Object trl = s.get("trl");
        Match.Reason reason = h.explanation() == null ? new Match.Reason(List.of(), List.of())
            : MatchReasons.of(h.explanation(), likeSurface + " " + surfaceText(s));
        return new Match(h.id(), SearchDocuments.localized(s.get("title")), SearchDocuments.localized(s.get("summary")), (String) s.get("field"),
            trl == null ? null : ((Number) trl).intValue(), (String) s.get("region"), (String) s.get("ownerOrg"),
            price == null ? null : Cny.format(((Number) price).longValue()), budget == null ? null : Cny.format(((Number) budget).longValue()),
            h.score() == null ? 0 : Math.round(h.score() * 1000) / 1000.0, reason);
    }

    private static MoreLikeThisQuery.Builder terms(MoreLikeThisQuery.Builder mlt, Like like) {
        return mlt.fields(FIELDS).like(like).minTermFreq(1).minDocFreq(1).maxQueryTerms(40);
    }

    private static Query orMissing(String field, Query condition) {
        return Query.of(q -> q.bool(b -> b.should(condition).should(s -> s.bool(n -> n.mustNot(m -> m.exists(e -> e.field(field)))))
            .minimumShouldMatch("1")));
    }

    private static Query terms(String field, List<TransferMode> values) {
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(m -> FieldValue.of(m.name())).toList()))));
    }

    @SuppressWarnings("unchecked")
    private static String surfaceText(Map<String, Object> s) {
        StringBuilder b = new StringBuilder();
        for (String k : List.of("title", "summary")) {
            if (s.get(k) instanceof Map<?, ?> m && m.get("en") != null) b.append(m.get("en")).append(' ');
        }
        if (s.get("keywords") instanceof List<?> l) l.forEach(k -> b.append(k).append(' '));
        return b.toString();
    }

}
