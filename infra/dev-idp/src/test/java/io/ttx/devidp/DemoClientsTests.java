package io.ttx.devidp;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoClientsTests {

    @Test
    void everyRoleHasTwoClientsInDistinctOrganisationsWithValidCodes() {
        List<DemoClient> all = DemoClients.all();
        assertThat(all).extracting(DemoClient::clientId).contains("researcher", "tto", "enterprise", "broker", "agency",
            "evaluator", "auditor", "admin", "researcher-2", "admin-2", "region-admin-310000", "region-admin-320000",
            "region-admin-330000", "region-admin-340000", "peer-370000", "peer-yrd", "agency-370000", "region-admin-370000");
        assertThat(all).extracting(DemoClient::org).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(c -> {
            assertThat(c.org()).hasSize(18).matches("[0-9A-HJ-NPQRTUWXY]{18}");
            assertThat(Uscc.check(c.org().substring(0, 17))).isEqualTo(c.org().charAt(17));
            assertThat(c.region()).matches("\\d{6}");
        });
        Set<String> secondRegions = all.stream().filter(c -> c.clientId().endsWith("-2") && !c.clientId().startsWith("region-admin"))
            .map(c -> c.clientId().replace("-2", "") + c.region()).collect(Collectors.toSet());
        all.stream().filter(c -> !c.clientId().endsWith("-2") && !c.clientId().startsWith("region-admin"))
            .forEach(c -> assertThat(secondRegions).doesNotContain(c.clientId() + c.region()));
    }

    @Test
    void peersCarryTheProvincesTheyHostAndNobodyElseDoes() {
        List<DemoClient> all = DemoClients.all();
        assertThat(all).filteredOn(c -> c.clientId().equals("peer-370000")).singleElement()
            .satisfies(c -> assertThat(c.regions()).containsExactly("370000"));
        assertThat(all).filteredOn(c -> c.clientId().equals("peer-yrd")).singleElement()
            .satisfies(c -> assertThat(c.regions()).containsExactly("310000", "320000", "330000", "340000"));
        assertThat(all).filteredOn(c -> !c.roles().contains("peer")).allSatisfy(c -> assertThat(c.regions()).isEmpty());
    }

    @Test
    void computesTheGbCheckCharacterOfAKnownCode() {
        // a published code of a real enterprise (the check character is the last one)
        assertThat(Uscc.check("91350100M000100Y4")).isEqualTo('3');
    }
}
