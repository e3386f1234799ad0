package io.ttx.valuation;

import io.ttx.valuation.domain.OpenLicenceCaps;
import io.ttx.valuation.domain.TrlBand;
import io.ttx.valuation.domain.TrlBands;
import io.ttx.valuation.domain.ValuationMethod;
import io.ttx.valuation.domain.ValuationSettings;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configurable rules a valuation ran under, stored with it so that it can be recomputed even after the
 * configuration changed: the configured label {@code version}, the code's {@code engineVersion}
 * ({@code ValuationEngine.RULES_VERSION}), the TRL bands, the default method weights and the open-licence caps.
 * Decimals are strings, as configured.
 */
public record RuleSet(String version, String engineVersion, List<Band> trlBands, Map<String, String> methodWeights,
                      Caps openLicenceCaps) {

    public record Band(int fromTrl, int toTrl, String premium, String successProbability) { }

    public record Caps(String fixedFee, String royaltyRate, String profitShare) { }

    public RuleSet {
        trlBands = List.copyOf(trlBands);
        methodWeights = Collections.unmodifiableMap(new LinkedHashMap<>(methodWeights));
    }

    /** The domain settings these rules stand for; throws IllegalArgumentException when they are inconsistent. */
    public ValuationSettings settings(boolean parallelMonteCarlo) {
        TrlBands bands = new TrlBands(trlBands.stream().map(b -> new TrlBand(b.fromTrl(), b.toTrl(),
            new BigDecimal(b.premium()), new BigDecimal(b.successProbability()))).toList());
        OpenLicenceCaps caps = new OpenLicenceCaps(new BigDecimal(openLicenceCaps.fixedFee()),
            new BigDecimal(openLicenceCaps.royaltyRate()), new BigDecimal(openLicenceCaps.profitShare()));
        Map<ValuationMethod, BigDecimal> weights = new EnumMap<>(ValuationMethod.class);
        methodWeights.forEach((key, weight) -> weights.put(ValuationMethod.ofKey(key), new BigDecimal(weight)));
        return new ValuationSettings(bands, caps, weights, parallelMonteCarlo);
    }
}
