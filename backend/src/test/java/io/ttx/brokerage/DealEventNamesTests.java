package io.ttx.brokerage;

import io.ttx.brokerage.domain.DealEvent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published deal event names are exactly the types the domain's events write (stored names never change), plus
 * the service's own {@code DealIdle}: the idle sweep records it without a command, so no domain decision (and no
 * {@code DealEvent}) stands behind it. It must not collide with a domain name.
 */
class DealEventNamesTests {
    /** Events the service records without a domain decision. */
    private static final Set<String> SERVICE_EVENTS = Set.of(DealEvents.IDLE);

    @Test
    void dealEventsAreTheNamesTheDomainWritesAndTheIdleEvent() {
        Set<String> published = Arrays.stream(DealEvents.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && !f.getName().equals("AGGREGATE_TYPE"))
            .map(DealEventNamesTests::value).collect(Collectors.toSet());
        Set<String> written = Arrays.stream(DealEvent.values()).map(DealEvent::type).collect(Collectors.toSet());
        assertThat(written).doesNotContainAnyElementsOf(SERVICE_EVENTS);
        Set<String> expected = new HashSet<>(written);
        expected.addAll(SERVICE_EVENTS);
        assertThat(published).isEqualTo(expected);
        assertThat(DealEvents.CONTRACT_SIGNED).isEqualTo("DealContractSigned");
        assertThat(DealEvents.IDLE).isEqualTo("DealIdle");
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
