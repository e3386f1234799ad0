package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Income approach, relief from royalty: V = sum_t Rev_t x RR x (1 - tax) / (1 + r)^t, the royalty the owner is spared
 * by owning the technology. The TRL risk applies as for incomeDcf. For open-licensed achievements a royalty above the
 * CNIPA caps is flagged, because the declared open-licence terms could not lawfully charge it.
 */
public final class ReliefFromRoyalty {

    private final OpenLicenceCaps caps;

    public ReliefFromRoyalty() {
        this(OpenLicenceCaps.defaults());
    }

    public ReliefFromRoyalty(OpenLicenceCaps caps) {
        this.caps = caps;
    }

    public DiscountedCashFlowResult value(ReliefFromRoyaltyInput input, TrlRisk risk, boolean openLicence) {
        BigDecimal royaltyRate = input.effectiveRoyaltyRate();
        BigDecimal afterTax = royaltyRate.multiply(BigDecimal.ONE.subtract(input.taxRate()));
        List<BigDecimal> amounts = input.revenues().stream().map(afterTax::multiply).toList();
        return Discounting.evaluate(ValuationMethod.RELIEF_FROM_ROYALTY, risk.adjust(amounts),
                risk.effectiveRate(input.discountRate()), risk.successProbability(), royaltyRate,
                openLicence ? openLicenceWarnings(input, royaltyRate) : List.of());
    }

    private List<ValuationWarning> openLicenceWarnings(ReliefFromRoyaltyInput input, BigDecimal royaltyRate) {
        List<ValuationWarning> warnings = new ArrayList<>();
        if (royaltyRate.compareTo(caps.royaltyRate()) > 0) {
            warnings.add(ValuationWarning.openLicenceRoyaltyCap(royaltyRate, caps.royaltyRate()));
        }
        BigDecimal share = input.marginShare();
        if (share != null && share.compareTo(caps.profitShare()) > 0) {
            warnings.add(ValuationWarning.openLicenceProfitShareCap(share, caps.profitShare()));
        }
        return warnings;
    }
}
