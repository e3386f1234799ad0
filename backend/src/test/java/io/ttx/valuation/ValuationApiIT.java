package io.ttx.valuation;

import io.ttx.catalogue.CatalogueTestSteps;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.netty.channel.EventLoopGroup;
import io.ttx.testsupport.EventLoopBlockHound;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.valuation.domain.ValuationRequest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static io.ttx.valuation.ValuationSteps.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/** Valuing end to end: the worked examples' figures, storage and retrieval, immutability, off-event-loop computing. */
class ValuationApiIT extends IntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    Valuations valuations;

    @Autowired
    JsonMapper json;

    /** The loops the server runs on. */
    @Autowired
    ReactorResourceFactory serverLoops;

    private static final String MONTE_CARLO = """
        {"methods": {"realOption": {"underlyingValue": "1000000", "investment": "1000000", "years": "1", "volatility": "0.2",
          "riskFreeRate": "0.05", "monteCarlo": {"paths": 1000000, "seed": 11}}}}""";

    @Test
    void allSixWorkedExamplesGiveTheDocumentedFigures() {
        String achievement = CatalogueTestSteps.draft(api, bearer("tto"));
        JsonNode v = value(api, bearer("tto"), achievement, TestValuations.allMethods(100_000));

        assertThat(v.get("id").asString()).startsWith("val_");
        assertThat(v.get("achievementId").asString()).isEqualTo(achievement);
        assertThat(v.get("trl").asInt()).isEqualTo(6);
        assertThat(v.get("trlAdjustment").asString()).isEqualTo("NONE");
        assertThat(v.get("ruleSetVersion").asString()).isEqualTo("1");
        assertThat(v.get("createdBy").asString()).isEqualTo("tto");
        JsonNode r = v.get("results");
        assertThat(r.at("/incomeDcf/value").asString()).isEqualTo("5804612.95");
        assertThat(r.at("/incomeDcf/low").asString()).isEqualTo("5500361.46");
        assertThat(r.at("/incomeDcf/high").asString()).isEqualTo("6135075.22");
        assertThat(r.at("/incomeDcf/effectiveRate").asString()).isEqualTo("0.12");
        assertThat(r.at("/incomeDcf/breakdown/0").toString())
            .isEqualTo("{\"year\":1,\"amount\":\"1000000.00\",\"discountFactor\":\"0.8928571429\",\"presentValue\":\"892857.14\"}");
        assertThat(r.at("/incomeDcf/warnings").isArray()).isTrue();
        assertThat(r.at("/reliefFromRoyalty/value").asString()).isEqualTo("2742226.06");
        assertThat(r.at("/reliefFromRoyalty/royaltyRate").asString()).isEqualTo("0.0500");
        assertThat(r.at("/rnpv/value").asString()).isEqualTo("974039.28");
        assertThat(r.at("/rnpv/breakdown/1/amount").asString()).isEqualTo("-600000.00");
        assertThat(r.at("/cost/value").asString()).isEqualTo("1063697.73");
        assertThat(r.at("/cost/remainingLifeFactor").asString()).isEqualTo("0.6363636364");
        assertThat(r.at("/market/value").asString()).isEqualTo("2059142.86");
        assertThat(r.at("/market/platformDeals").isEmpty()).isTrue();
        assertThat(r.at("/realOption/value").asString()).isEqualTo("104505.84");
        assertThat(r.at("/realOption/blackScholes").asString()).isEqualTo("104505.84");
        assertThat(r.at("/realOption/low").asString()).isEqualTo("85916.58");
        assertThat(r.at("/realOption/high").asString()).isEqualTo("123359.99");
        assertThat(r.at("/realOption/monteCarlo/mean").asString()).isEqualTo("104745.06");
        assertThat(r.at("/realOption/monteCarlo/p10").asString()).isEqualTo("0.00");
        assertThat(r.at("/realOption/monteCarlo/p50").asString()).isEqualTo("29750.43");
        assertThat(r.at("/realOption/monteCarlo/p90").asString()).isEqualTo("314060.65");
        assertThat(r.at("/realOption/monteCarlo/histogram").size()).isEqualTo(20);
        assertThat(v.at("/recommended/low").asString()).isEqualTo("1863912.17");
        assertThat(v.at("/recommended/high").asString()).isEqualTo("2384836.54");
        assertThat(v.at("/recommended/weights").toString()).isEqualTo(
            "{\"incomeDcf\":\"1\",\"reliefFromRoyalty\":\"1\",\"rnpv\":\"1\",\"cost\":\"1\",\"market\":\"1\",\"realOption\":\"1\"}");
    }

    @Test
    void trlAdjustmentUsesTheAchievementsTrlBand() {
        String achievement = CatalogueTestSteps.draft(api, bearer("tto")); // TRL 6: band 4-6
        JsonNode premium = value(api, bearer("tto"), achievement, DCF.replace("{\"methods\"", "{\"trlAdjustment\": \"DISCOUNT_PREMIUM\", \"methods\""));
        JsonNode probability = value(api, bearer("tto"), achievement, DCF.replace("{\"methods\"", "{\"trlAdjustment\": \"SUCCESS_PROBABILITY\", \"methods\""));

        assertThat(premium.at("/results/incomeDcf/effectiveRate").asString()).isEqualTo("0.24");
        assertThat(premium.at("/results/incomeDcf/value").asString()).isEqualTo("4290913.57");
        assertThat(premium.at("/results/incomeDcf/low").asString()).isEqualTo("4098573.69");
        assertThat(premium.at("/results/incomeDcf/high").asString()).isEqualTo("4497676.34");
        assertThat(premium.at("/results/incomeDcf/successProbability").isMissingNode()).isTrue();
        assertThat(probability.at("/results/incomeDcf/successProbability").asString()).isEqualTo("0.38");
        assertThat(probability.at("/results/incomeDcf/value").asString()).isEqualTo("2205752.92");
    }

    @Test
    void requestWeightsDriveTheRecommendedRange() {
        String achievement = CatalogueTestSteps.draft(api, bearer("tto"));
        String body = TestValuations.allMethods(1_000);
        body = body.substring(0, body.length() - 1) + """
            , "weights": {"incomeDcf": "3", "reliefFromRoyalty": "2", "rnpv": "1", "cost": "0.5", "market": "1", "realOption": "0.25"}}""";
        JsonNode v = value(api, bearer("broker"), achievement, body);

        assertThat(v.at("/recommended/low").asString()).isEqualTo("3127725.15");
        assertThat(v.at("/recommended/high").asString()).isEqualTo("3716043.46");
        assertThat(v.at("/recommended/weights/cost").asString()).isEqualTo("0.5");
        assertThat(v.at("/weights/realOption").asString()).isEqualTo("0.25");
    }

    @Test
    void storedValuationsRoundTripExactlyAndListNewestFirst() {
        String achievement = CatalogueTestSteps.draft(api, bearer("tto"));
        String body = TestValuations.allMethods(2_000);
        JsonNode created = api.post().uri("/api/v1/achievements/{id}/valuations", achievement)
            .header(HttpHeaders.AUTHORIZATION, bearer("tto")).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
            .expectStatus().isCreated().expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/v1/valuations/val_[0-9a-z]{20}")
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = created.get("id").asString();

        assertThat(created.get("methods")).isEqualTo(tree(body).get("methods"));
        JsonNode fetched = get(api, bearer("tto"), "/api/v1/valuations/" + id);
        assertThat(fetched).isEqualTo(created);

        JsonNode second = value(api, bearer("evaluator"), achievement, DCF);
        JsonNode third = value(api, bearer("admin"), achievement, DCF);
        JsonNode page = get(api, bearer("tto"), "/api/v1/achievements/" + achievement + "/valuations?size=2");
        assertThat(page.get("items")).extracting(i -> i.get("id").asString())
            .containsExactly(third.get("id").asString(), second.get("id").asString());
        JsonNode rest = get(api, bearer("tto"), "/api/v1/achievements/" + achievement + "/valuations?size=2&cursor="
            + page.get("nextCursor").asString());
        assertThat(rest.get("items")).singleElement().isEqualTo(created);
        assertThat(rest.has("nextCursor")).isFalse();
        assertThat(get(api, bearer("tto"), "/api/v1/achievements/" + achievement + "/valuations").get("items")).hasSize(3);
        call(api, HttpMethod.GET, bearer("tto"), "/api/v1/achievements/" + achievement + "/valuations?cursor=$where", null)
            .expectStatus().isBadRequest();
        call(api, HttpMethod.GET, bearer("tto"), "/api/v1/achievements/" + achievement + "/valuations?size=101", null)
            .expectStatus().isBadRequest();
    }

    @Test
    void theStoredDocumentHoldsInputRuleSetFiguresAndWhoWhenAndRecomputesToTheSameFigures() {
        String achievement = CatalogueTestSteps.draft(api, bearer("tto"));
        JsonNode v = value(api, bearer("tto"), achievement, TestValuations.allMethods(5_000));
        String id = v.get("id").asString();

        Document doc = mongo.findById(id, Document.class, "valuations").block(Duration.ofSeconds(10));
        assertThat(doc).isNotNull();
        assertThat(doc.keySet()).contains("achievementId", "ownerOrg", "createdAt", "createdBy", "createdByOrg", "trl",
            "input", "ruleSet", "results", "recommended");
        assertThat(doc.get("createdAt")).isInstanceOf(java.util.Date.class);
        Document ruleSet = doc.get("ruleSet", Document.class);
        assertThat(ruleSet.getString("version")).isEqualTo("1");
        assertThat(ruleSet.getString("engineVersion")).isEqualTo("1");
        assertThat(ruleSet.getList("trlBands", Document.class)).hasSize(4);
        // adjustment names are free text: stored as {name, factor} pairs, never as keys
        Object adjustments = doc.get("input", Document.class).get("methods", Document.class).get("market", Document.class)
            .getList("comparables", Document.class).get(0).get("adjustments");
        assertThat(adjustments).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(2);

        CurrentUser auditor = new CurrentUser("auditor", Set.of(Role.AUDITOR), null, null);
        ValuationView again = valuations.recompute(auditor, id).block(Duration.ofSeconds(30));
        ValuationView stored = valuations.get(auditor, id).block(Duration.ofSeconds(30));
        assertThat(again).isEqualTo(stored);
    }

    @Test
    void valuationsAreImmutable() {
        String achievement = CatalogueTestSteps.draft(api, bearer("tto"));
        String id = value(api, bearer("tto"), achievement, DCF).get("id").asString();

        for (String client : List.of("tto", "admin", "enterprise")) {
            for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
                call(api, method, bearer(client), "/api/v1/valuations/" + id, method == HttpMethod.DELETE ? null : DCF)
                    .expectStatus().isEqualTo(405).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("method-not-allowed");
            }
        }
        assertThat(get(api, bearer("tto"), "/api/v1/valuations/" + id).get("id").asString()).isEqualTo(id);
    }

    @Test
    void unknownValuationsAreNotFound() {
        call(api, HttpMethod.GET, bearer("admin"), "/api/v1/valuations/val_00000000000000000000", null).expectStatus().isNotFound()
            .expectBody().jsonPath("$.code").isEqualTo("not-found");
        call(api, HttpMethod.POST, bearer("admin"), "/api/v1/achievements/ach_00000000000000000000/valuations", DCF)
            .expectStatus().isNotFound();
    }

    /**
     * The engine never runs on an event loop, even when the valuation is asked for from one: {@link Valuations#evaluate}
     * is subscribed to on a server event-loop thread and must hand the engine to a bounded-elastic worker. Without its
     * {@code subscribeOn} the engine would run on the event loop, where BlockHound stops it (the engine is declared
     * blocking in EventLoopBlockHound) and the thread below would be the loop's.
     */
    @Test
    void theEngineRunsOnABoundedElasticWorkerEvenWhenAskedFromAnEventLoop() {
        ValuationInput input = json.readValue(MONTE_CARLO, ValuationInput.class);
        ValuationRequest request = InputMapper.toRequest(input, 5, false, List.of());
        EventLoopGroup loops = serverLoops.getLoopResources().onServer(true);
        List<Thread> askedOn = new ArrayList<>();

        String engineThread = Mono.defer(() -> {
                askedOn.add(Thread.currentThread());
                return valuations.evaluate(request);
            })
            .map(result -> {
                assertThat(result.methods()).hasSize(1);
                return Thread.currentThread().getName(); // no publishOn in between: the thread the engine ran on
            })
            .subscribeOn(Schedulers.fromExecutor(loops.next()))
            .block(Duration.ofSeconds(60));

        assertThat(askedOn).singleElement().matches(EventLoopBlockHound::isNettyEventLoop, "an event-loop thread");
        assertThat(engineThread).startsWith("boundedElastic-");
    }

    /** While a 1,000,000-path valuation runs through the API, the API still answers (and BlockHound sees no blocking). */
    @Test
    void aMillionPathMonteCarloLeavesTheEventLoopFree() {
        String achievement = CatalogueTestSteps.draft(api, bearer("tto"));
        String body = MONTE_CARLO;
        get(api, bearer("tto"), "/api/v1/me"); // warm: token keys fetched, connection pool open
        List<Instant> meAnswered = new ArrayList<>();

        CompletableFuture<Instant> valued = CompletableFuture.supplyAsync(() -> {
            JsonNode v = value(api, bearer("tto"), achievement, body);
            assertThat(v.at("/results/realOption/monteCarlo/paths").asInt()).isEqualTo(1_000_000);
            assertThat(new BigDecimal(v.at("/results/realOption/monteCarlo/mean").asString()))
                .isCloseTo(new BigDecimal("104505.84"), withinPercentage(1.5));
            return Instant.now();
        });
        while (!valued.isDone()) {
            get(api, bearer("evaluator"), "/api/v1/me");
            meAnswered.add(Instant.now());
        }
        Instant done = valued.join();

        assertThat(meAnswered).as("GET /api/v1/me answered while the valuation ran").isNotEmpty();
        assertThat(meAnswered.getFirst()).isBefore(done);
    }
}
