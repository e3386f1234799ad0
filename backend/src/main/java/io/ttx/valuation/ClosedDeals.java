package io.ttx.valuation;

import io.ttx.catalogue.TechField;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.List;

/**
 * Port to the deals closed on the platform, the market method's platform comparables. The brokerage capability will
 * provide it; until then the default bean finds none, and market results list no platform deals.
 */
public interface ClosedDeals {

    /** A closed deal's id and price in yuan. */
    record ClosedDeal(String dealId, BigDecimal price) { }

    /** Deals closed in the field, most recent first, at most {@code limit}. */
    Mono<List<ClosedDeal>> inField(TechField field, int limit);
}
