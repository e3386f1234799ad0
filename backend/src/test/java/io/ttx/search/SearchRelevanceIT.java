package io.ttx.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import io.ttx.demodata.DemoAchievement;
import io.ttx.search.elastic.AchievementIndex;
import io.ttx.shared.stores.Async;
import io.ttx.testsupport.DemoCatalogueFixture;
import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recall of the search API over the demo catalogue: every pair of {@code search/recall-set.tsv} (written from the
 * demo data before any ranking tuning) is searched as a user would, and a pair counts as found when one of its
 * expected records is among the first 3 demo hits. The per-pair table and the figures go to the test log and to
 * {@code target/search-recall.txt}. Records other tests created in the shared index are skipped when ranking, so
 * the figure is the one an index holding only the demo catalogue gives.
 */
class SearchRelevanceIT extends IntegrationTest {
    /**
     * Thresholds (docs/decisions.md, "Search recall"). The first run of the set, before any tuning, found 67 of 71
     * pairs (0.944) and 14 of the 17 pairs sharing no title token (0.824; the three misses are acronyms that occur
     * in no record and no synonym group: POCT, LNP, cobot). Overall: the observed figure minus three pairs (0.90),
     * room for ties between near-identical demo titles to fall the other way (the id breaks ties, and ids differ
     * from run to run), yet well above 0.8, below which a user's second query would be the rule. No shared token:
     * minus one pair of this small subset (0.75). After the acronyms went into the synonym list the set finds 70 of
     * 71 (0.986) and 17 of 17: the thresholds rose to 0.93 (minus three pairs) and 0.82 (minus three pairs of 17).
     */
    static final double MIN_RECALL_AT_3 = 0.93;
    static final double MIN_RECALL_AT_3_NO_SHARED_TOKEN = 0.82;
    static final int K = 3;
    private static final Path REPORT = Path.of("target", "search-recall.txt");

    @Autowired
    ElasticsearchAsyncClient es;
    @Autowired
    AchievementIndex index;

    private final Map<String, Set<String>> tokens = new HashMap<>();

    record Outcome(RecallSet.Pair pair, int rank, List<DemoAchievement> top, long total, Set<String> sharedTokens) {
        boolean found() {
            return rank >= 1 && rank <= K;
        }

        boolean sharesNoToken() {
            return sharedTokens.isEmpty();
        }
    }

    @Test
    void chineseAndEnglishQueriesFindTheRightDemoRecords() throws IOException {
        DemoCatalogueFixture.Loaded loaded = DemoCatalogueFixture.load(api);
        Map<String, DemoAchievement> byId = new HashMap<>();
        io.ttx.demodata.DemoCatalogue.achievements().forEach(a -> byId.put(loaded.id(a), a));
        eventually(Duration.ofMinutes(3), () -> assertThat(indexed(List.copyOf(byId.keySet()))).isEqualTo(byId.size()));

        List<RecallSet.Pair> pairs = RecallSet.read("/search/recall-set.tsv");
        List<Outcome> outcomes = pairs.stream().map(p -> run(p, byId)).toList();
        List<Outcome> noSharedToken = outcomes.stream().filter(o -> o.pair().meantToShareNoToken() && o.sharesNoToken()).toList();
        double recall = recall(outcomes);
        double recallNoShared = recall(noSharedToken);
        String report = report(outcomes, noSharedToken, recall, recallNoShared);
        System.out.println(report);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report, StandardCharsets.UTF_8);

        assertThat(pairs).hasSizeGreaterThanOrEqualTo(30);
        assertThat(noSharedToken).as("pairs sharing no token with their expected titles").hasSizeGreaterThanOrEqualTo(10);
        assertThat(recall).as("recall@3 over all pairs (see " + REPORT + ")").isGreaterThanOrEqualTo(MIN_RECALL_AT_3);
        assertThat(recallNoShared).as("recall@3 over the pairs sharing no token (see " + REPORT + ")")
            .isGreaterThanOrEqualTo(MIN_RECALL_AT_3_NO_SHARED_TOKEN);
    }

    private Outcome run(RecallSet.Pair p, Map<String, DemoAchievement> byId) {
        JsonNode result = api.get().uri(u -> u.path("/api/v1/search/achievements").queryParam("q", "{q}").queryParam("size", 50)
                .build(Map.of("q", p.query())))
            .header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).exchange().expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<DemoAchievement> demoHits = new ArrayList<>();
        result.get("items").forEach(i -> {
            DemoAchievement a = byId.get(i.get("id").asString());
            if (a != null) demoHits.add(a);
        });
        int rank = -1;
        for (int i = 0; i < demoHits.size() && rank < 0; i++) if (p.expected().contains(demoHits.get(i))) rank = i + 1;
        Set<String> shared = new LinkedHashSet<>();
        if (p.meantToShareNoToken()) {
            for (DemoAchievement a : p.expected()) {
                shared.addAll(intersection(analyze("zh_index", p.query()), analyze("zh_index", a.title().zh())));
                shared.addAll(intersection(analyze("en_index", p.query()), analyze("en_index", a.title().en())));
            }
        }
        return new Outcome(p, rank, demoHits.subList(0, Math.min(K, demoHits.size())), result.at("/total/value").asLong(), shared);
    }

    /** How many of these ids the index holds (what a search can find once the relay has caught up). */
    private long indexed(List<String> ids) {
        return Async.mono(() -> es.count(c -> c.index(index.alias()).query(q -> q.ids(i -> i.values(ids)))))
            .block(Duration.ofSeconds(30)).count();
    }

    /** The tokens one of the index's analysers makes of a text (synonyms apply only at search time, so none here). */
    private Set<String> analyze(String analyzer, String text) {
        return tokens.computeIfAbsent(analyzer + "\u0000" + text, k -> new LinkedHashSet<>(
            Async.mono(() -> es.indices().analyze(a -> a.index(index.alias()).analyzer(analyzer).text(text))).block(Duration.ofSeconds(30))
                .tokens().stream().map(AnalyzeToken::token).toList()));
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.retainAll(b);
        return out;
    }

    private static double recall(List<Outcome> outcomes) {
        return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(Outcome::found).count() / outcomes.size();
    }

    private static String report(List<Outcome> all, List<Outcome> noShared, double recall, double recallNoShared) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Search recall@%d over the demo catalogue (src/test/resources/search/recall-set.tsv)%n", K));
        out.append(String.format("all pairs:               %.3f (%d of %d found; threshold %.2f)%n", recall,
            all.stream().filter(Outcome::found).count(), all.size(), MIN_RECALL_AT_3));
        out.append(String.format("sharing no title token:  %.3f (%d of %d found; threshold %.2f)%n", recallNoShared,
            noShared.stream().filter(Outcome::found).count(), noShared.size(), MIN_RECALL_AT_3_NO_SHARED_TOKEN));
        out.append(String.format("%nline  found rank  hits  kind            no-token  query -> expected  |  first %d demo hits%n", K));
        for (Outcome o : all) {
            String noToken = !o.pair().meantToShareNoToken() ? "-" : o.sharesNoToken() ? "yes" : "no " + o.sharedTokens();
            out.append(String.format("%4d  %-5s %4s  %4d  %-15s %-9s %s -> %s  |  %s%n", o.pair().line(), o.found() ? "yes" : "NO",
                o.rank() < 0 ? "-" : String.valueOf(o.rank()), o.total(), o.pair().kind(), noToken, o.pair().query(),
                o.pair().expectation(), String.join(" / ", o.top().stream().map(a -> "#" + a.index() + " " + a.title().zh()).toList())));
        }
        return out.toString();
    }
}
