package io.ttx.brokerage;

import io.ttx.brokerage.domain.DealEvent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The published deal event names are exactly the types the domain's events write (stored names never change). */
class DealEventNamesTests {

    @Test
    void dealEventsAreTheNamesTheDomainWrites() {
        Set<String> published = Arrays.stream(DealEvents.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && !f.getName().equals("AGGREGATE_TYPE"))
            .map(DealEventNamesTests::value).collect(Collectors.toSet());
        Set<String> written = Arrays.stream(DealEvent.values()).map(DealEvent::type).collect(Collectors.toSet());
        assertThat(published).isEqualTo(written);
        assertThat(DealEvents.CONTRACT_SIGNED).isEqualTo("DealContractSigned");
        assertThat(DealEvents.AGGREGATE_TYPE).isEqualTo("deal");
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
