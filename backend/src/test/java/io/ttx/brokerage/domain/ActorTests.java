package io.ttx.brokerage.domain;

import static io.ttx.brokerage.domain.Fixtures.BROKER_ORG;
import static io.ttx.brokerage.domain.Fixtures.BUYER_ORG;
import static io.ttx.brokerage.domain.Fixtures.OTHER_BROKER_ORG;
import static io.ttx.brokerage.domain.Fixtures.SELLER_ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The relation of a caller to a deal, from roles and organisation. */
class ActorTests {

    private static final Deal UNBROKERED = Fixtures.inStage(DealStage.INQUIRY);
    private static final Deal BROKERED = Fixtures.inStage(DealStage.BROKER_ASSIGNED);

    private static Relation relation(@Nullable String org, String roles, Deal deal) {
        Set<Role> parsed = roles.isBlank() ? Set.of()
                : Arrays.stream(roles.split("\\+")).map(Role::valueOf).collect(Collectors.toSet());
        return Actor.of(new Caller("user-1", org, parsed), deal).relation();
    }

    private static @Nullable String org(String name) {
        return switch (name) {
            case "seller" -> SELLER_ORG;
            case "buyer" -> BUYER_ORG;
            case "broker" -> BROKER_ORG;
            case "otherBroker" -> OTHER_BROKER_ORG;
            default -> null;
        };
    }

    @ParameterizedTest(name = "{1} of {0}, brokered {2}: {3}")
    @CsvSource({
        "seller, TTO, true, SELLER_TTO",
        "seller, RESEARCHER, true, SELLER_OTHER",
        "seller, ENTERPRISE, true, NONE",
        "buyer, ENTERPRISE, true, BUYER",
        "buyer, TTO, true, NONE",
        "buyer, RESEARCHER, true, NONE",
        "broker, BROKER, true, BROKER",
        "broker, BROKER, false, UNASSIGNED_BROKER",
        "otherBroker, BROKER, true, OTHER_BROKER",
        "otherBroker, BROKER, false, UNASSIGNED_BROKER",
        "none, ADMIN, true, ADMIN",
        "otherBroker, ADMIN, true, ADMIN",
        "none, AUDITOR, true, NONE",
        "seller, AUDITOR, true, NONE",
        // a party relation wins over admin, admin over the read-only and broker-pool relations
        "seller, TTO+ADMIN, true, SELLER_TTO",
        "buyer, ENTERPRISE+ADMIN, true, BUYER",
        "broker, BROKER+ADMIN, true, BROKER",
        "seller, RESEARCHER+ADMIN, true, ADMIN",
        "otherBroker, BROKER+ADMIN, true, ADMIN",
        "seller, RESEARCHER+TTO, true, SELLER_TTO",
        // roles without the organisation they need
        "none, TTO, true, NONE",
        "none, BROKER, false, NONE",
        "none, ENTERPRISE, true, NONE",
        "buyer, '', true, NONE"
    })
    void relationFollowsRolesAndOrganisation(String orgName, String roles, boolean brokered, Relation expected) {
        assertThat(relation(org(orgName), roles, brokered ? BROKERED : UNBROKERED)).isEqualTo(expected);
    }

    @Test
    void everyBrokerOfTheAssignedOrganisationIsTheBroker() {
        Deal deal = DealBuilder.from(UNBROKERED).broker(new Broker(BROKER_ORG, null)).build();

        assertThat(Actor.of(new Caller("broker-7", BROKER_ORG, Set.of(Role.BROKER)), deal))
                .isEqualTo(new Actor("broker-7", BROKER_ORG, Relation.BROKER));
    }

    @Test
    void aRelationToAnOrganisationNeedsOne() {
        for (Relation relation : EnumSet.complementOf(EnumSet.of(Relation.ADMIN, Relation.NONE))) {
            assertThatThrownBy(() -> new Actor("x", null, relation)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new Actor("x", null, Relation.ADMIN).org()).isNull();
    }

    @Test
    void partiesBrokersAndAdminsMayRead() {
        assertThat(EnumSet.allOf(Relation.class).stream().filter(Relation::mayRead))
                .containsExactlyInAnyOrder(Relation.SELLER_TTO, Relation.SELLER_OTHER, Relation.BUYER, Relation.BROKER,
                        Relation.UNASSIGNED_BROKER, Relation.ADMIN);
    }
}
