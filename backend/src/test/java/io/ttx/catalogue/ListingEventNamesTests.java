package io.ttx.catalogue;

import io.ttx.documents.DocumentEvents;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published event names are exactly what the lifecycle writes into the documents ({@link ListingAction#eventType}
 * of the aggregate names "Achievement" and "Demand"; AchievementEventsIT reads them back from real writes): stored
 * names never change, and a consumer using a constant must receive events of that name.
 */
class ListingEventNamesTests {

    @Test
    void achievementEventsAreTheNamesTheLifecycleWrites() {
        // every action writes its event, deletion included (the document goes only after the event was delivered)
        assertThat(names(AchievementEvents.class)).isEqualTo(written("Achievement", EnumSet.noneOf(ListingAction.class)));
        assertThat(AchievementEvents.DELETED).isEqualTo("AchievementDeleted");
        assertThat(AchievementEvents.PUBLISHED).isEqualTo("AchievementPublished");
        assertThat(AchievementEvents.AGGREGATE_TYPE).isEqualTo("achievement");
    }

    @Test
    void demandEventsAreTheNamesTheLifecycleWrites() {
        // demands carry no price hint and are never transferred in a deal
        assertThat(names(DemandEvents.class)).isEqualTo(written("Demand", EnumSet.of(ListingAction.PRICE_HINT, ListingAction.TRANSFER)));
        assertThat(DemandEvents.DELETED).isEqualTo("DemandDeleted");
        assertThat(DemandEvents.AGGREGATE_TYPE).isEqualTo("demand");
    }

    @Test
    void documentEventNamesStayAsStored() {
        assertThat(DocumentEvents.UPLOADED).isEqualTo("DocumentUploaded");
        assertThat(DocumentEvents.TEXT_EXTRACTED).isEqualTo("DocumentTextExtracted");
        assertThat(DocumentEvents.DELETED).isEqualTo("DocumentDeleted");
        assertThat(DocumentEvents.AGGREGATE_TYPE).isEqualTo("document");
    }

    private static Set<String> written(String aggregate, Set<ListingAction> without) {
        return EnumSet.complementOf(EnumSet.copyOf(without)).stream().map(a -> a.eventType(aggregate)).collect(Collectors.toSet());
    }

    private static Set<String> names(Class<?> events) {
        return Arrays.stream(events.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && !f.getName().equals("AGGREGATE_TYPE"))
            .map(ListingEventNamesTests::value).collect(Collectors.toSet());
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
