package io.ttx.valuation.domain;

import static io.ttx.valuation.domain.Examples.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarketComparablesTests {

    private final MarketComparables market = new MarketComparables();
    private final List<PlatformDeal> platform = List.of(new PlatformDeal("deal-1", d("2500000")));

    @Test
    void reproducesWorkedExampleToTheFen() {
        MarketResult result = market.value(Examples.market(), List.of());

        // adjusted 1,890,000 / 2,800,000 / 1,254,000; V = 7,207,000 / 3.5
        assertThat(result.method()).isEqualTo(ValuationMethod.MARKET);
        assertThat(result.adjustedComparables()).containsExactly(d("1890000.00"), d("2800000.00"), d("1254000.00"));
        assertThat(result.value()).isEqualTo(d("2059142.86"));
        assertThat(result.low()).isEqualTo(d("1254000.00"));
        assertThat(result.high()).isEqualTo(d("2800000.00"));
        assertThat(result.platformDeals()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void platformDealsJoinWithWeightOneAndAreListed() {
        MarketResult result = market.value(new MarketInput(Examples.comparables(), true), platform);

        assertThat(result.value()).isEqualTo(d("2157111.11"));
        assertThat(result.platformDeals()).containsExactlyElementsOf(platform);
        assertThat(result.low()).isEqualTo(d("1254000.00"));
        assertThat(result.high()).isEqualTo(d("2800000.00"));
    }

    @Test
    void platformDealsAreIgnoredUnlessAskedFor() {
        MarketResult result = market.value(Examples.market(), platform);

        assertThat(result.value()).isEqualTo(d("2059142.86"));
        assertThat(result.platformDeals()).isEmpty();
    }

    @Test
    void platformDealsWidenTheRange() {
        List<PlatformDeal> deals = List.of(new PlatformDeal("low", d("1000000")), new PlatformDeal("high", d("4e6")));

        MarketResult result = market.value(new MarketInput(Examples.comparables(), true), deals);

        assertThat(result.low()).isEqualTo(d("1000000.00"));
        assertThat(result.high()).isEqualTo(d("4000000.00"));
    }
}
