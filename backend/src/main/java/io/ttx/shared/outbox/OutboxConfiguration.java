package io.ttx.shared.outbox;

import io.ttx.shared.jobs.StartupTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {
    /** The dead-letter list and count: only dead letters carry the field. */
    @Bean
    StartupTask outboxIndexes(ReactiveMongoTemplate mongo) {
        return StartupTask.of("outbox indexes", () -> mongo.indexOps(DeliveryLog.COLLECTION)
            .createIndex(new Index().on(DeliveryLog.DEAD_LETTER_ID, Sort.Direction.DESC).sparse().named("dead_letters")));
    }
}
