package io.ttx.search.web;

import io.ttx.search.SearchQuery;
import io.ttx.shared.MalformedInput;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SearchParamsTests {

    static MultiValueMap<String, String> params(String name, String value) {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        p.add(name, value);
        return p;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, String>> errors(MultiValueMap<String, String> p) {
        MalformedInput e = catchThrowableOfType(MalformedInput.class, () -> SearchParams.parse(p, 256));
        assertThat(e).as("expected a 400").isNotNull();
        return (List<Map<String, String>>) e.properties().get("errors");
    }

    static void refused(String name, String value, String code) {
        assertThat(errors(params(name, value))).extracting(m -> m.get("field"), m -> m.get("code"))
            .containsExactly(tuple(name, code));
    }

    @Test
    void acceptsFiltersWithinTheirBounds() {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        p.add("region", String.join(",", Collections.nCopies(20, "330100")));
        p.add("ipc", String.join(",", Collections.nCopies(20, "H01M 10/48")));
        p.add("field", "NEW_ENERGY,BIO_MEDICINE,AEROSPACE,NEW_MATERIALS,HIGH_TECH_SERVICES,RESOURCES_ENVIRONMENT,ADVANCED_MANUFACTURING,ELECTRONIC_INFORMATION");
        p.add("transferMode", "ASSIGNMENT,EXCLUSIVE_LICENCE,SOLE_LICENCE,ORDINARY_LICENCE,EQUITY,JOINT_DEVELOPMENT,TECHNICAL_SERVICE");
        p.add("tradeMethod", "FIXED_PRICE,NEGOTIATED,AUCTION,TENDER");
        p.add("priceMin", "123456789012345.12");
        SearchQuery q = SearchParams.parse(p, 256);
        assertThat(q.regions()).hasSize(20);
        assertThat(q.ipc()).hasSize(20);
        assertThat(q.fields()).hasSize(8);
    }

    @Test
    void refusesListsOverTheirBoundBeforeLookingAtTheValues() {
        refused("region", String.join(",", Collections.nCopies(21, "330100")), "too-many");
        refused("region", String.join(",", Collections.nCopies(21, "nonsense")), "too-many");
        refused("ipc", String.join(",", Collections.nCopies(21, "H01M")), "too-many");
        refused("field", String.join(",", Collections.nCopies(9, "NEW_ENERGY")), "too-many");
        refused("transferMode", String.join(",", Collections.nCopies(8, "EQUITY")), "too-many");
        refused("tradeMethod", String.join(",", Collections.nCopies(5, "TENDER")), "too-many");
    }

    @Test
    void judgesValuesOnBoundedTextAndEchoesOnlyShortOnes() {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            refused("ipc", "H" + "0".repeat(60_000), "invalid");
            refused("region", "3".repeat(60_000), "invalid");
            refused("priceMin", "1." + "0".repeat(60_000), "invalid");
            refused("owner", "9".repeat(60_000), "invalid");
            refused("sort", "x".repeat(60_000), "invalid");
        });
        assertThat(errors(params("field", "X".repeat(60_000)))).extracting(m -> m.get("message")).containsExactly("unknown value");
        assertThat(errors(params("field", "ROCKETS"))).extracting(m -> m.get("message")).containsExactly("unknown value ROCKETS");
    }
}
