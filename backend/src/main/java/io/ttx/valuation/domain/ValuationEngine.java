package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the requested valuation methods and combines them into the recommended range. Pure and thread-safe: the same
 * request and settings give the same result, to the fen, on any machine. Requests validate themselves on
 * construction, so an engine never sees a bad input.
 */
public final class ValuationEngine {

    /** Version of the rule set these classes implement; stored with every report. */
    public static final String RULES_VERSION = "1";

    private final ValuationSettings settings;
    private final IncomeDcf incomeDcf = new IncomeDcf();
    private final ReliefFromRoyalty reliefFromRoyalty;
    private final Rnpv rnpv = new Rnpv();
    private final CostMethod cost = new CostMethod();
    private final MarketComparables market = new MarketComparables();
    private final RealOption realOption;

    public ValuationEngine() {
        this(ValuationSettings.defaults());
    }

    public ValuationEngine(ValuationSettings settings) {
        this.settings = settings;
        this.reliefFromRoyalty = new ReliefFromRoyalty(settings.openLicenceCaps());
        this.realOption = new RealOption(settings.parallelMonteCarlo());
    }

    public ValuationResult evaluate(ValuationRequest request) {
        TrlRisk risk = settings.trlBands().risk(request.trl(), request.trlAdjustment());
        List<MethodResult> results = new ArrayList<>();
        if (request.incomeDcf() instanceof IncomeDcfInput input) {
            results.add(incomeDcf.value(input, risk));
        }
        if (request.reliefFromRoyalty() instanceof ReliefFromRoyaltyInput input) {
            results.add(reliefFromRoyalty.value(input, risk, request.openLicence()));
        }
        if (request.rnpv() instanceof RnpvInput input) {
            results.add(rnpv.value(input));
        }
        if (request.cost() instanceof CostInput input) {
            results.add(cost.value(input));
        }
        if (request.market() instanceof MarketInput input) {
            results.add(market.value(input, request.platformDeals()));
        }
        if (request.realOption() instanceof RealOptionInput input) {
            results.add(realOption.value(input));
        }
        Map<ValuationMethod, BigDecimal> weights = new EnumMap<>(ValuationMethod.class);
        Map<ValuationMethod, MethodResult> byMethod = new LinkedHashMap<>();
        for (MethodResult result : results) {
            ValuationMethod method = result.method();
            weights.put(method, request.weights().getOrDefault(method, settings.defaultWeight(method)));
            byMethod.put(method, result);
        }
        RecommendedRange recommended = RecommendedRange.of(results, weights, request.openLicence(),
                settings.openLicenceCaps());
        return new ValuationResult(RULES_VERSION, request.trl(), request.trlAdjustment(), byMethod, recommended);
    }
}
