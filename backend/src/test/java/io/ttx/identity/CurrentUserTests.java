package io.ttx.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentUserTests {
    private static final String ORG = "12330100202401371E";

    private static Jwt jwt(Consumer<Jwt.Builder> claims) {
        Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "none").subject("user-1");
        claims.accept(b);
        return b.build();
    }

    @Test
    void readsSubjectRolesOrganisationAndRegion() {
        CurrentUser u = CurrentUser.of(jwt(b -> b.claim("roles", List.of("researcher", "tto")).claim("org", ORG).claim("region", "330100")));
        assertThat(u.subject()).isEqualTo("user-1");
        assertThat(u.roles()).containsExactlyInAnyOrder(Role.RESEARCHER, Role.TTO);
        assertThat(u.org()).isEqualTo(ORG);
        assertThat(u.region()).isEqualTo("330100");
    }

    @Test
    void readsHyphenatedRoleNames() {
        assertThat(CurrentUser.of(jwt(b -> b.claim("roles", List.of("region-admin")))).roles()).containsExactly(Role.REGION_ADMIN);
    }

    @Test
    void ignoresUnknownRoleNames() {
        CurrentUser u = CurrentUser.of(jwt(b -> b.claim("roles", List.of("broker", "superuser", "ADMIN", "region_admin", "", "Broker"))));
        assertThat(u.roles()).containsExactly(Role.BROKER);
    }

    @Test
    void readsRolesFromASpaceOrCommaSeparatedString() {
        assertThat(CurrentUser.of(jwt(b -> b.claim("roles", "researcher tto"))).roles())
            .containsExactlyInAnyOrder(Role.RESEARCHER, Role.TTO);
        assertThat(CurrentUser.of(jwt(b -> b.claim("roles", "enterprise,broker"))).roles())
            .containsExactlyInAnyOrder(Role.ENTERPRISE, Role.BROKER);
        assertThat(CurrentUser.of(jwt(b -> b.claim("roles", " admin , auditor  region-admin,nobody"))).roles())
            .containsExactlyInAnyOrder(Role.ADMIN, Role.AUDITOR, Role.REGION_ADMIN);
    }

    @Test
    void hasNoRolesWithoutARolesClaim() {
        CurrentUser u = CurrentUser.of(jwt(b -> b.claim("org", ORG)));
        assertThat(u.roles()).isEmpty();
        assertThat(u.hasAny(Role.values())).isFalse();
    }

    @Test
    void hasNoRolesWhenTheClaimIsNeitherListNorString() {
        assertThat(CurrentUser.of(jwt(b -> b.claim("roles", 42))).roles()).isEmpty();
    }

    @Test
    void collapsesRepeatedRoles() {
        assertThat(CurrentUser.of(jwt(b -> b.claim("roles", List.of("tto", "tto")))).roles()).containsExactly(Role.TTO);
    }

    @Test
    void leavesOrganisationAndRegionNullWhenAbsent() {
        CurrentUser u = CurrentUser.of(jwt(b -> b.claim("roles", List.of("enterprise"))));
        assertThat(u.org()).isNull();
        assertThat(u.region()).isNull();
    }

    @Test
    void belongsToItsOwnOrganisationOnly() {
        CurrentUser u = CurrentUser.of(jwt(b -> b.claim("roles", List.of("tto")).claim("org", ORG)));
        assertThat(u.belongsTo(ORG)).isTrue();
        assertThat(u.belongsTo("91350100M000100Y43")).isFalse();
        assertThat(u.belongsTo(null)).isFalse();
    }

    @Test
    void withoutAnOrganisationBelongsToNone() {
        CurrentUser u = CurrentUser.of(jwt(b -> b.claim("roles", List.of("enterprise"))));
        assertThat(u.belongsTo(null)).isFalse();
        assertThat(u.belongsTo(ORG)).isFalse();
    }

    @Test
    void hasAnyIsTrueWhenOneOfTheRolesMatches() {
        CurrentUser u = CurrentUser.of(jwt(b -> b.claim("roles", List.of("broker"))));
        assertThat(u.hasAny(Role.ADMIN, Role.BROKER)).isTrue();
        assertThat(u.hasAny(Role.ADMIN, Role.TTO)).isFalse();
        assertThat(u.hasAny()).isFalse();
        assertThat(u.has(Role.BROKER)).isTrue();
        assertThat(u.has(Role.ADMIN)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void roundTripsEveryRoleThroughItsClaim(Role role) {
        assertThat(role.claim()).matches("[a-z]+(-[a-z]+)*");
        assertThat(Role.fromClaim(role.claim())).isEqualTo(role);
        assertThat(role.authority()).isEqualTo("ROLE_" + role.claim());
    }

    @Test
    void spellsRegionAdminWithAHyphen() {
        assertThat(Role.REGION_ADMIN.claim()).isEqualTo("region-admin");
        assertThat(Role.fromClaim("region-admin")).isEqualTo(Role.REGION_ADMIN);
        assertThat(Role.fromClaim("region_admin")).isNull();
        assertThat(Role.fromClaim("REGION_ADMIN")).isNull();
    }

    @Test
    void aPeerCarriesTheProvincesItHostsAndAMalformedClaimGrantsNone() {
        CurrentUser peer = CurrentUser.of(jwt(b -> b.claim("roles", List.of("peer")).claim("regions", List.of("370000", "320000", "370000"))));
        assertThat(peer.roles()).containsExactly(Role.PEER);
        assertThat(peer.regions()).containsExactly("370000", "320000");
        assertThat(CurrentUser.of(jwt(b -> b.claim("regions", List.of("370000", "370100")))).regions()).as("a city is no province").isEmpty();
        assertThat(CurrentUser.of(jwt(b -> b.claim("regions", List.of("370000", "３７００００")))).regions()).as("no full-width digits").isEmpty();
        assertThat(CurrentUser.of(jwt(b -> b.claim("regions", "370000"))).regions()).as("not an array").isEmpty();
        assertThat(CurrentUser.of(jwt(b -> b.claim("regions", java.util.Collections.nCopies(41, "370000")))).regions()).as("too long").isEmpty();
        assertThat(CurrentUser.of(jwt(b -> b.claim("roles", List.of("tto")))).regions()).isEmpty();
    }
}
