package io.ttx.valuation;

import io.ttx.valuation.domain.Criterion;
import io.ttx.valuation.domain.OpenLicenceCaps;
import io.ttx.valuation.domain.ScorecardWeights;
import io.ttx.valuation.domain.TrlBands;
import io.ttx.valuation.domain.ValuationEngine;
import io.ttx.valuation.domain.ValuationMethod;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Settings of the valuation capability ({@code ttx.valuation.*}); every default equals the domain default. Method and
 * criterion keys may be written {@code incomeDcf}, {@code income-dcf} or {@code incomedcf} (environment variables).
 * Inconsistent settings (TRL bands with gaps, a weight <= 0, an unknown key) stop the start-up.
 *
 * @param ruleSetVersion     label stored and reported with every valuation; change it whenever these rules change
 * @param trlBands           TRL bands 1..9 with their discount-rate premium and success probability
 * @param methodWeights      default weight of each method in the recommended range (a missing method weighs 1)
 * @param scorecardWeights   weight of each criterion in the overall evaluation score (one not given keeps its default)
 * @param openLicenceCaps    CNIPA open-licence caps used for warnings
 * @param parallelMonteCarlo compute Monte Carlo payoffs on the common fork-join pool (same figures either way)
 */
@Validated
@ConfigurationProperties("ttx.valuation")
public record ValuationProperties(String ruleSetVersion, List<RuleSet.Band> trlBands, Map<String, String> methodWeights,
                                  Map<String, String> scorecardWeights, RuleSet.Caps openLicenceCaps,
                                  boolean parallelMonteCarlo) {

    public ValuationProperties(@Nullable String ruleSetVersion, @Nullable List<RuleSet.Band> trlBands,
                               @Nullable Map<String, String> methodWeights, @Nullable Map<String, String> scorecardWeights,
                               RuleSet.@Nullable Caps openLicenceCaps, boolean parallelMonteCarlo) {
        this.ruleSetVersion = ruleSetVersion == null || ruleSetVersion.isBlank() ? ValuationEngine.RULES_VERSION : ruleSetVersion;
        this.trlBands = trlBands == null || trlBands.isEmpty() ? defaultBands() : List.copyOf(trlBands);
        this.methodWeights = canonical(methodWeights == null ? Map.of() : methodWeights, ValuationMethod.values(),
            ValuationMethod::key);
        Map<String, String> scorecard = new LinkedHashMap<>(defaultScorecard());
        scorecard.putAll(canonical(scorecardWeights == null ? Map.of() : scorecardWeights, Criterion.values(), Criterion::key));
        this.scorecardWeights = Collections.unmodifiableMap(scorecard);
        this.openLicenceCaps = openLicenceCaps == null ? defaultCaps() : openLicenceCaps;
        this.parallelMonteCarlo = parallelMonteCarlo;
        ruleSet().settings(parallelMonteCarlo); // fail at start-up, not on the first request
        scorecard();
    }

    /** The defaults (equal to the domain's). */
    public static ValuationProperties defaults() {
        return new ValuationProperties(null, null, null, null, null, false);
    }

    /** The rules as stored with each valuation. */
    public RuleSet ruleSet() {
        return new RuleSet(ruleSetVersion, ValuationEngine.RULES_VERSION, trlBands, methodWeights, openLicenceCaps);
    }

    public ScorecardWeights scorecard() {
        Map<Criterion, BigDecimal> weights = new EnumMap<>(Criterion.class);
        scorecardWeights.forEach((key, weight) -> weights.put(Criterion.ofKey(key), new BigDecimal(weight)));
        return new ScorecardWeights(weights);
    }

    private static List<RuleSet.Band> defaultBands() {
        return TrlBands.defaults().bands().stream().map(b -> new RuleSet.Band(b.fromTrl(), b.toTrl(),
            b.premium().toPlainString(), b.successProbability().toPlainString())).toList();
    }

    private static Map<String, String> defaultScorecard() {
        Map<String, String> out = new LinkedHashMap<>();
        ScorecardWeights.defaults().weights().forEach((c, w) -> out.put(c.key(), w.toPlainString()));
        return out;
    }

    private static RuleSet.Caps defaultCaps() {
        OpenLicenceCaps caps = OpenLicenceCaps.defaults();
        return new RuleSet.Caps(caps.fixedFee().toPlainString(), caps.royaltyRate().toPlainString(),
            caps.profitShare().toPlainString());
    }

    /** Keys rewritten to their canonical form in declaration order; an unknown key is a configuration error. */
    private static <E> Map<String, String> canonical(Map<String, String> given, E[] values, Function<E, String> key) {
        Map<String, String> byLoose = new LinkedHashMap<>();
        given.forEach((k, v) -> byLoose.put(loose(k), v));
        Map<String, String> out = new LinkedHashMap<>();
        for (E value : values) {
            String weight = byLoose.remove(loose(key.apply(value)));
            if (weight != null) out.put(key.apply(value), weight);
        }
        if (!byLoose.isEmpty()) throw new IllegalArgumentException("unknown keys in ttx.valuation: " + byLoose.keySet());
        return out;
    }

    private static String loose(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
