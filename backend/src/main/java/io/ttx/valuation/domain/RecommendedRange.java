package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The range the platform recommends: low = sum_m w_m low_m / sum_m w_m and high likewise, over the methods in the
 * request, from the methods' low and high as reported (to the fen), so a reader can redo it from the response; one
 * DECIMAL128 division, then half-up to the fen. {@code weights} are the weights used, one per method in the request.
 * Its warnings concern the range itself (the open-licence fixed-fee cap).
 */
public record RecommendedRange(BigDecimal low, BigDecimal high, Map<ValuationMethod, BigDecimal> weights,
        List<ValuationWarning> warnings) {

    public RecommendedRange {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        warnings = List.copyOf(warnings);
    }

    static RecommendedRange of(List<MethodResult> results, Map<ValuationMethod, BigDecimal> weights,
            boolean openLicence, OpenLicenceCaps caps) {
        BigDecimal lows = BigDecimal.ZERO;
        BigDecimal highs = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        Map<ValuationMethod, BigDecimal> used = new LinkedHashMap<>();
        for (MethodResult result : results) {
            BigDecimal weight = weights.get(result.method());
            used.put(result.method(), weight);
            lows = lows.add(weight.multiply(result.low()));
            highs = highs.add(weight.multiply(result.high()));
            total = total.add(weight);
        }
        BigDecimal low = Decimals.fen(lows.divide(total, Decimals.MC));
        BigDecimal high = Decimals.fen(highs.divide(total, Decimals.MC));
        List<ValuationWarning> warnings = new ArrayList<>();
        if (openLicence && high.compareTo(caps.fixedFee()) > 0) {
            warnings.add(ValuationWarning.openLicenceFeeCap(high, caps.fixedFee()));
        }
        return new RecommendedRange(low, high, used, warnings);
    }
}
