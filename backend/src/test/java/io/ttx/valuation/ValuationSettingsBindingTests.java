package io.ttx.valuation;

import io.ttx.valuation.domain.OpenLicenceCaps;
import io.ttx.valuation.domain.ScorecardWeights;
import io.ttx.valuation.domain.TrlBands;
import io.ttx.valuation.domain.ValuationEngine;
import io.ttx.valuation.domain.ValuationMethod;
import io.ttx.valuation.domain.ValuationSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ttx.valuation block of application.yaml binds to the typed properties, and its values are the domain defaults. */
class ValuationSettingsBindingTests {

    static ValuationProperties fromApplicationYaml() throws Exception {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));
        return new Binder(ConfigurationPropertySources.from(sources)).bind("ttx.valuation", ValuationProperties.class).get();
    }

    @Test
    void theApplicationYamlBlockEqualsTheDomainDefaults() throws Exception {
        ValuationProperties props = fromApplicationYaml();
        ValuationSettings settings = props.ruleSet().settings(props.parallelMonteCarlo());

        assertThat(props.ruleSetVersion()).isEqualTo(ValuationEngine.RULES_VERSION);
        assertThat(settings.trlBands()).isEqualTo(TrlBands.defaults());
        assertThat(settings.openLicenceCaps()).isEqualTo(OpenLicenceCaps.defaults());
        for (ValuationMethod m : ValuationMethod.values()) {
            assertThat(settings.defaultWeights().getOrDefault(m, BigDecimal.ONE)).isEqualByComparingTo(BigDecimal.ONE);
        }
        assertThat(settings.parallelMonteCarlo()).isFalse();
        assertThat(props.scorecard()).isEqualTo(ScorecardWeights.defaults());
        assertThat(props.ruleSet().trlBands()).isEqualTo(ValuationProperties.defaults().ruleSet().trlBands());
        assertThat(props.ruleSet().openLicenceCaps()).isEqualTo(ValuationProperties.defaults().ruleSet().openLicenceCaps());
    }

    @Test
    void theDefaultsAreTheDomainDefaults() {
        ValuationProperties props = ValuationProperties.defaults();
        ValuationSettings settings = props.ruleSet().settings(false);

        assertThat(settings.trlBands()).isEqualTo(TrlBands.defaults());
        assertThat(settings.openLicenceCaps()).isEqualTo(OpenLicenceCaps.defaults());
        assertThat(settings.defaultWeights()).isEmpty();
        assertThat(props.scorecard()).isEqualTo(ScorecardWeights.defaults());
    }

    @Test
    void environmentStyleKeysBindToTheirMethodAndCriterion() {
        ValuationProperties props = bind(Map.of("ttx.valuation.method-weights.incomedcf", "3",
            "ttx.valuation.scorecard-weights.transfer-potential", "0.5"));

        assertThat(props.methodWeights()).containsExactly(Map.entry("incomeDcf", "3"));
        assertThat(props.scorecardWeights()).containsEntry("transferPotential", "0.5");
        assertThat(props.ruleSet().settings(false).defaultWeights()).containsEntry(ValuationMethod.INCOME_DCF, new BigDecimal("3"));
    }

    @Test
    void inconsistentSettingsStopTheStartUp() {
        assertThatThrownBy(() -> bind(Map.of("ttx.valuation.method-weights.magic", "1"))).isInstanceOf(BindException.class)
            .rootCause().hasMessageContaining("magic");
        assertThatThrownBy(() -> bind(Map.of("ttx.valuation.method-weights.cost", "0"))).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of(
            "ttx.valuation.trl-bands[0].from-trl", "1", "ttx.valuation.trl-bands[0].to-trl", "3",
            "ttx.valuation.trl-bands[0].premium", "0.2", "ttx.valuation.trl-bands[0].success-probability", "0.1",
            "ttx.valuation.trl-bands[1].from-trl", "5", "ttx.valuation.trl-bands[1].to-trl", "9",
            "ttx.valuation.trl-bands[1].premium", "0.1", "ttx.valuation.trl-bands[1].success-probability", "0.5")))
            .isInstanceOf(BindException.class).rootCause().hasMessageContaining("expected a band from 4");
    }

    private static ValuationProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("ttx.valuation", ValuationProperties.class);
    }
}
