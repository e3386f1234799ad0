package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Market approach: adjusted_i = P_i x prod_k a_ik (exact) and V = sum_i w_i x adjusted_i / sum_i w_i (one DECIMAL128
 * division). Platform deals, when asked for, join unadjusted with weight 1. The range is the lowest and the highest
 * adjusted comparable (platform deals included). Fewer than 3 comparables in all draw a warning.
 */
public final class MarketComparables {

    static final int ENOUGH_COMPARABLES = 3;

    public MarketResult value(MarketInput input, List<PlatformDeal> platformDeals) {
        List<PlatformDeal> joining = input.includePlatformDeals() ? List.copyOf(platformDeals) : List.of();
        List<BigDecimal> adjusted = new ArrayList<>();
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (ComparableDeal comparable : input.comparables()) {
            BigDecimal price = comparable.adjustedPrice();
            adjusted.add(price);
            weighted = weighted.add(comparable.weight().multiply(price));
            weights = weights.add(comparable.weight());
        }
        List<BigDecimal> all = new ArrayList<>(adjusted);
        for (PlatformDeal deal : joining) {
            all.add(deal.price());
            weighted = weighted.add(deal.price());
            weights = weights.add(BigDecimal.ONE);
        }
        BigDecimal low = all.stream().reduce(Decimals::min).orElseThrow();
        BigDecimal high = all.stream().reduce(Decimals::max).orElseThrow();
        List<ValuationWarning> warnings = all.size() < ENOUGH_COMPARABLES
                ? List.of(ValuationWarning.fewComparables(all.size()))
                : List.of();
        return new MarketResult(Decimals.fen(weighted.divide(weights, Decimals.MC)), Decimals.fen(low),
                Decimals.fen(high), adjusted.stream().map(Decimals::fen).toList(), joining, warnings);
    }
}
