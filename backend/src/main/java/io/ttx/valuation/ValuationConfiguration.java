package io.ttx.valuation;

import io.ttx.shared.jobs.StartupTask;
import io.ttx.valuation.domain.Scorecard;
import io.ttx.valuation.domain.ValuationEngine;
import io.ttx.valuation.persistence.EvaluationStore;
import io.ttx.valuation.persistence.ValuationStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;


@Configuration(proxyBeanMethods = false)
class ValuationConfiguration {

    /** The engine with the configured rule set (validated when the properties were bound). */
    @Bean
    ValuationEngine valuationEngine(ValuationProperties props) {
        return new ValuationEngine(props.ruleSet().settings(props.parallelMonteCarlo()));
    }

    @Bean
    Scorecard scorecard(ValuationProperties props) {
        return new Scorecard(props.scorecard());
    }

    /** The per-achievement newest-first lists. */
    @Bean
    StartupTask valuationIndexes(ReactiveMongoTemplate mongo) {
        return StartupTask.of("valuation indexes", () -> Flux.just(ValuationStore.COLLECTION, EvaluationStore.COLLECTION)
            .concatMap(c -> mongo.indexOps(c).createIndex(
                new Index().on("achievementId", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).named("achievement_id"))));
    }
}
