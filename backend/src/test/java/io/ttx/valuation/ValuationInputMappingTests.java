package io.ttx.valuation;

import io.ttx.shared.web.FieldErrors;
import io.ttx.valuation.domain.InvalidValuationInput;
import io.ttx.valuation.domain.PlatformDeal;
import io.ttx.valuation.domain.RoyaltyRule;
import io.ttx.valuation.domain.TrlAdjustment;
import io.ttx.valuation.domain.ValuationEngine;
import io.ttx.valuation.domain.ValuationMethod;
import io.ttx.valuation.domain.ValuationRequest;
import io.ttx.valuation.domain.ValuationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The request body as the application's JSON settings read it, and its mapping onto the domain request. */
class ValuationInputMappingTests {
    /** Same reading rules as application.yaml (unknown members fail, no scalar coercion). */
    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT).disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();

    static final String ALL_METHODS = """
        {"trlAdjustment": "NONE", "methods": {
         "incomeDcf": {"discountRate": "0.12", "cashFlows": ["1000000", "1500000", "2000000", "2000000", "1800000"]},
         "reliefFromRoyalty": {"discountRate": "0.15", "taxRate": "0.25", "revenues": ["10000000", "20000000", "30000000", "30000000", "25000000"],
                               "operatingMargin": "0.20", "rule": "TWENTY_FIVE_PERCENT"},
         "rnpv": {"discountRate": "0.10", "cashFlows": ["-2000000", "-1000000", "3000000", "5000000", "6000000"], "probabilities": ["1", "0.6", "0.35", "0.35", "0.35"]},
         "cost": {"costItems": {"rdLabour": "1200000", "materials": "300000", "ipFees": "50000", "opportunityCost": "150000"}, "profitMarkup": "0.15",
                  "elapsedYears": 4, "remainingYears": 7, "functionalObsolescence": "0.10", "economicObsolescence": "0.05"},
         "market": {"comparables": [{"price": "2000000", "weight": "2", "adjustments": {"date": "1.05", "similarity": "0.9"}},
                                    {"price": "3500000", "weight": "1", "adjustments": {"exclusivity": "0.8"}},
                                    {"price": "1200000", "weight": "0.5", "adjustments": {"territory": "1.1", "legalStatus": "0.95"}}]},
         "realOption": {"underlyingValue": "1000000", "investment": "1000000", "years": "1", "volatility": "0.2", "riskFreeRate": "0.05"}}}""";

    static ValuationInput read(String json) {
        return JSON.readValue(json, ValuationInput.class);
    }

    static ValuationRequest map(String json) {
        return InputMapper.toRequest(read(json), 5, false, List.of());
    }

    @Test
    void mapsEveryMethodOfTheWorkedExamples() {
        ValuationRequest r = map(ALL_METHODS);

        assertThat(r.trl()).isEqualTo(5);
        assertThat(r.trlAdjustment()).isEqualTo(TrlAdjustment.NONE);
        assertThat(r.incomeDcf().discountRate()).isEqualTo(new BigDecimal("0.12"));
        assertThat(r.incomeDcf().cashFlows()).hasSize(5).first().isEqualTo(new BigDecimal("1000000"));
        assertThat(r.reliefFromRoyalty().rule()).isEqualTo(RoyaltyRule.TWENTY_FIVE_PERCENT);
        assertThat(r.reliefFromRoyalty().royaltyRate()).isNull();
        assertThat(r.rnpv().probabilities()).extracting(BigDecimal::toPlainString).containsExactly("1", "0.6", "0.35", "0.35", "0.35");
        assertThat(r.cost().elapsedYears()).isEqualTo(4);
        assertThat(r.cost().costItems().ipFees()).isEqualTo(new BigDecimal("50000"));
        assertThat(r.market().comparables().get(2).adjustments()).containsExactly(
            Map.entry("territory", new BigDecimal("1.1")), Map.entry("legalStatus", new BigDecimal("0.95")));
        assertThat(r.market().includePlatformDeals()).isFalse();
        assertThat(r.realOption().monteCarlo()).isNull();

        // the section 4 example of docs/valuation.md: all six at TRL 5, NONE, weights 1
        ValuationResult result = new ValuationEngine().evaluate(r);
        assertThat(result.recommended().low()).isEqualTo(new BigDecimal("1863912.17"));
        assertThat(result.recommended().high()).isEqualTo(new BigDecimal("2384836.54"));
    }

    @Test
    void requestWeightsOverrideTheDefaults() {
        String json = ALL_METHODS.substring(0, ALL_METHODS.length() - 1) + """
            , "weights": {"incomeDcf": "3", "reliefFromRoyalty": "2", "rnpv": "1", "cost": "0.5", "market": "1", "realOption": "0.25"}}""";
        ValuationRequest r = map(json);

        assertThat(r.weights()).containsEntry(ValuationMethod.COST, new BigDecimal("0.5")).hasSize(6);
        ValuationResult result = new ValuationEngine().evaluate(r);
        assertThat(result.recommended().low()).isEqualTo(new BigDecimal("3127725.15"));
        assertThat(result.recommended().high()).isEqualTo(new BigDecimal("3716043.46"));
    }

    @Test
    void platformDealsJoinOnlyWhenAskedFor() {
        List<PlatformDeal> deals = List.of(new PlatformDeal("deal_1", new BigDecimal("2500000")));
        String asked = ALL_METHODS.replace("\"legalStatus\": \"0.95\"}}]}", "\"legalStatus\": \"0.95\"}}], \"includePlatformDeals\": true}");

        assertThat(InputMapper.toRequest(read(asked), 5, false, deals).platformDeals()).isEqualTo(deals);
        assertThat(InputMapper.toRequest(read(ALL_METHODS), 5, false, deals).platformDeals()).isEmpty();
        ValuationResult result = new ValuationEngine().evaluate(InputMapper.toRequest(read(asked), 5, false, deals));
        assertThat(result.methods().get(ValuationMethod.MARKET).value()).isEqualTo(new BigDecimal("2157111.11"));
    }

    @Test
    void aStoredInputWritesBackExactlyAsGiven() {
        ValuationInput input = read(ALL_METHODS);
        ValuationInput again = read(JSON.writeValueAsString(input));

        assertThat(again).isEqualTo(input);
        assertThat(JSON.readTree(JSON.writeValueAsString(input)).at("/methods/market/comparables/0/adjustments").toString())
            .isEqualTo("{\"date\":\"1.05\",\"similarity\":\"0.9\"}");
    }

    @ParameterizedTest(name = "{0} -> 400 at {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"methods\": {\"incomeDcf\": {\"discountRate\": 0.12, \"cashFlows\": [\"1\"]}}}|methods.incomeDcf.discountRate",
        "{\"methods\": {\"incomeDcf\": {\"discountRate\": \"0.12\", \"cashFlows\": [\"1\", 2]}}}|methods.incomeDcf.cashFlows[1]",
        "{\"methods\": {\"market\": {\"comparables\": [{\"price\": \"1\", \"weight\": \"1\", \"adjustments\": {\"date\": 1.05}}]}}}|methods.market.comparables[0].adjustments.date",
        "{\"methods\": {\"market\": {\"comparables\": [{\"price\": \"1\", \"weight\": \"1\", \"adjustments\": [\"1.05\"]}]}}}|methods.market.comparables[0].adjustments",
        "{\"methods\": {\"cost\": {\"costItems\": {\"materials\": true}}}}|methods.cost.costItems.materials",
        "{\"methods\": {\"cost\": {\"elapsedYears\": \"4\"}}}|methods.cost.elapsedYears",
        "{\"methods\": {\"cost\": {\"elapsedYears\": 4.5}}}|methods.cost.elapsedYears",
        "{\"methods\": {\"realOption\": {\"monteCarlo\": {\"paths\": \"1000\"}}}}|methods.realOption.monteCarlo.paths",
        "{\"weights\": {\"cost\": 1}}|weights.cost",
        "{\"trlAdjustment\": \"SOMETIMES\"}|trlAdjustment"})
    void aNumberWhereAStringBelongsOrAnyWrongShapeIsABindingErrorNamingTheField(String json, String field) {
        Throwable failure = catchThrowable(() -> read(json));

        assertThat(failure).isInstanceOf(JacksonException.class);
        assertThat(FieldErrors.ofBinding(failure)).singleElement()
            .satisfies(e -> assertThat(e).containsEntry("field", field).containsEntry("code", "type"));
    }

    @Test
    void unknownMembersAreBindingErrors() {
        Throwable failure = catchThrowable(() -> read("{\"weights\": {\"magic\": \"1\"}}"));

        assertThat(FieldErrors.ofBinding(failure)).singleElement()
            .satisfies(e -> assertThat(e).containsEntry("field", "weights.magic").containsEntry("code", "unknown-field"));
    }

    @ParameterizedTest(name = "\"{0}\" is not a decimal")
    @ValueSource(strings = {"1e5", "1E+5", "+1", " 1", "1 ", "12%", "1,000", "", ".5", "5.", "0x10", "NaN", "--1"})
    void aStringThatIsNotAPlainDecimalIsA422NamingTheField(String text) {
        String json = "{\"methods\": {\"incomeDcf\": {\"discountRate\": \"0.12\", \"cashFlows\": [\"1\", \"" + text + "\"]}}}";

        assertThatThrownBy(() -> map(json)).isInstanceOfSatisfying(InvalidValuationInput.class, e -> {
            assertThat(e.code()).isEqualTo(InvalidValuationInput.INVALID);
            assertThat(e.field()).isEqualTo("methods.incomeDcf.cashFlows[1]");
        });
    }

    @Test
    void overlongDecimalsAreRejectedBeforeParsing() {
        String json = "{\"methods\": {\"incomeDcf\": {\"discountRate\": \"0." + "1".repeat(70) + "\", \"cashFlows\": [\"1\"]}}}";

        assertThatThrownBy(() -> map(json)).isInstanceOfSatisfying(InvalidValuationInput.class,
            e -> assertThat(e.field()).isEqualTo("methods.incomeDcf.discountRate"));
    }

    /** 10,000 entries that are not decimals: the count is refused, no entry is parsed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "incomeDcf|{\"discountRate\": \"0.1\", \"cashFlows\": [LIST]}|methods.incomeDcf.cashFlows",
        "reliefFromRoyalty|{\"discountRate\": \"0.1\", \"taxRate\": \"0.25\", \"royaltyRate\": \"0.05\", \"revenues\": [LIST]}|methods.reliefFromRoyalty.revenues",
        "rnpv|{\"discountRate\": \"0.1\", \"cashFlows\": [\"1\"], \"probabilities\": [LIST]}|methods.rnpv.probabilities",
        "market|{\"comparables\": [LIST]}|methods.market.comparables"})
    void listsOverTheirBoundAreRefusedBeforeAnyEntryIsParsed(String method, String body, String field) {
        String entry = method.equals("market") ? "{\"price\": \"x\", \"weight\": \"x\"}" : "\"x\"";
        String json = "{\"methods\": {\"" + method + "\": " + body.replace("LIST", String.join(",", Collections.nCopies(10_000, entry))) + "}}";
        assertThatThrownBy(() -> map(json)).isInstanceOfSatisfying(InvalidValuationInput.class, e -> {
            assertThat(e.code()).isEqualTo(InvalidValuationInput.INVALID);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Test
    void aComparableHasAtMost20AdjustmentsNamedInAtMost100Characters() {
        String many = String.join(",", IntStream.range(0, 10_000).mapToObj(i -> "\"a" + i + "\": \"x\"").toList());
        String tooMany = "{\"methods\": {\"market\": {\"comparables\": [{\"price\": \"1\", \"weight\": \"1\", \"adjustments\": {" + many + "}}]}}}";
        assertThatThrownBy(() -> map(tooMany)).isInstanceOfSatisfying(InvalidValuationInput.class, e -> {
            assertThat(e.code()).isEqualTo("too-many-items");
            assertThat(e.field()).isEqualTo("methods.market.comparables[0].adjustments");
        });
        String longName = "{\"methods\": {\"market\": {\"comparables\": [{\"price\": \"1\", \"weight\": \"1\", \"adjustments\": {\""
            + "n".repeat(40_000) + "\": \"x\"}}]}}}";
        assertThatThrownBy(() -> map(longName)).isInstanceOfSatisfying(InvalidValuationInput.class, e -> {
            assertThat(e.code()).isEqualTo("text-too-long");
            assertThat(e.field()).isEqualTo("methods.market.comparables[0].adjustments");
            assertThat(e.getMessage()).hasSizeLessThan(200);
        });
        String twenty = String.join(",", IntStream.range(0, 20).mapToObj(i -> "\"" + "n".repeat(98) + i % 10 + i / 10 + "\": \"1.01\"").toList());
        assertThat(map("{\"methods\": {\"market\": {\"comparables\": [{\"price\": \"1\", \"weight\": \"1\", \"adjustments\": {" + twenty + "}}]}}}")
            .market().comparables().getFirst().adjustments()).hasSize(20);
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource(delimiter = '|', value = {
        "{}|no-valuation-method|methods",
        "{\"methods\": {}}|no-valuation-method|methods",
        "{\"methods\": {\"incomeDcf\": {\"cashFlows\": [\"1\"]}}}|invalid-valuation-input|methods.incomeDcf.discountRate",
        "{\"methods\": {\"incomeDcf\": {\"discountRate\": \"0.1\", \"cashFlows\": [\"1\", null]}}}|invalid-valuation-input|methods.incomeDcf.cashFlows[1]",
        "{\"methods\": {\"cost\": {\"costItems\": {\"rdLabour\": \"1\", \"materials\": \"1\", \"ipFees\": \"1\", \"opportunityCost\": \"1\"}, \"profitMarkup\": \"0.1\", \"remainingYears\": 3, \"functionalObsolescence\": \"0\", \"economicObsolescence\": \"0\"}}}|invalid-valuation-input|methods.cost.elapsedYears",
        "{\"methods\": {\"market\": {\"comparables\": [{\"price\": \"1\", \"weight\": \"0\"}]}}}|invalid-valuation-input|methods.market.comparables[0].weight",
        "{\"methods\": {\"market\": {\"comparables\": [{\"price\": \"1\", \"weight\": \"1\", \"adjustments\": {\"territory\": \"0\"}}]}}}|invalid-valuation-input|methods.market.comparables[0].adjustments.territory",
        "{\"methods\": {\"realOption\": {\"underlyingValue\": \"1\", \"investment\": \"1\", \"years\": \"1\", \"volatility\": \"0.2\", \"riskFreeRate\": \"0\", \"monteCarlo\": {\"paths\": 1000}}}}|invalid-valuation-input|methods.realOption.monteCarlo.seed",
        "{\"methods\": {\"reliefFromRoyalty\": {\"discountRate\": \"0.1\", \"taxRate\": \"0.25\", \"revenues\": [\"1\"], \"royaltyRate\": \"0.05\", \"operatingMargin\": \"0.2\"}}}|royalty-and-margin-both-given|methods.reliefFromRoyalty.royaltyRate",
        "{\"methods\": {\"incomeDcf\": {\"discountRate\": \"0.1\", \"cashFlows\": [\"1\"]}}, \"weights\": {\"cost\": \"0\"}}|invalid-valuation-input|weights.cost"})
    void domainRulesNameTheirField(String json, String code, String field) {
        assertThatThrownBy(() -> map(json)).isInstanceOfSatisfying(InvalidValuationInput.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
