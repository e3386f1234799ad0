package io.ttx.catalogue;

import io.ttx.catalogue.persistence.AchievementDocument;
import io.ttx.catalogue.persistence.DemandDocument;
import io.ttx.catalogue.persistence.ListingQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The catalogue's read access for other capabilities, one bean per kind of listing. */
@Configuration(proxyBeanMethods = false)
class SnapshotsConfiguration {

    @Bean
    ListingSnapshots<AchievementSnapshot> achievementSnapshots(ListingQueries queries, Clock clock) {
        return new StoredSnapshots<>(queries, AchievementDocument.class, AchievementSnapshot::of, clock);
    }

    @Bean
    ListingSnapshots<DemandSnapshot> demandSnapshots(ListingQueries queries, Clock clock) {
        return new StoredSnapshots<>(queries, DemandDocument.class, DemandSnapshot::of, clock);
    }
}
