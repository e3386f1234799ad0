package io.ttx.valuation;

import io.ttx.valuation.domain.Scorecard;
import io.ttx.valuation.domain.ValuationEngine;
import io.ttx.valuation.persistence.EvaluationStore;
import io.ttx.valuation.persistence.ValuationStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.List;

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

    /** Until the brokerage capability closes deals, the market method finds no platform deals. */
    @Bean
    @ConditionalOnMissingBean
    ClosedDeals noClosedDealsYet() {
        return (field, limit) -> Mono.just(List.of());
    }

    /** The per-achievement newest-first lists; created in the background, retried until MongoDB answers. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes(ApplicationReadyEvent event) {
        ReactiveMongoTemplate mongo = event.getApplicationContext().getBean(ReactiveMongoTemplate.class);
        Flux.just(ValuationStore.COLLECTION, EvaluationStore.COLLECTION)
            .concatMap(c -> mongo.indexOps(c).createIndex(
                new Index().on("achievementId", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).named("achievement_id")))
            .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
            .subscribe();
    }
}
