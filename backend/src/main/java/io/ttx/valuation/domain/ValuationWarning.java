package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Something the evaluator should look at, but that does not make the valuation wrong. {@code code} is stable (clients
 * translate it); {@code message} is an English explanation with the figures.
 */
public record ValuationWarning(String code, String message) {

    public static final String NEGATIVE_VALUE = "negative-value";
    public static final String OPEN_LICENCE_FEE_CAP = "open-licence-fee-cap";
    public static final String OPEN_LICENCE_ROYALTY_CAP = "open-licence-royalty-cap";
    public static final String OPEN_LICENCE_PROFIT_SHARE_CAP = "open-licence-profit-share-cap";
    public static final String FEW_COMPARABLES = "few-comparables";

    public ValuationWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    static ValuationWarning negativeValue(BigDecimal value) {
        return new ValuationWarning(NEGATIVE_VALUE, "The value " + value.toPlainString() + " CNY is negative.");
    }

    static ValuationWarning openLicenceFeeCap(BigDecimal high, BigDecimal cap) {
        return new ValuationWarning(OPEN_LICENCE_FEE_CAP, "The recommended high " + high.toPlainString()
                + " CNY exceeds the open-licence fixed-fee cap of " + cap.toPlainString() + " CNY.");
    }

    static ValuationWarning openLicenceRoyaltyCap(BigDecimal royaltyRate, BigDecimal cap) {
        return new ValuationWarning(OPEN_LICENCE_ROYALTY_CAP, "The royalty rate " + royaltyRate.toPlainString()
                + " exceeds the open-licence cap of " + cap.toPlainString() + " of net sales.");
    }

    static ValuationWarning openLicenceProfitShareCap(BigDecimal share, BigDecimal cap) {
        return new ValuationWarning(OPEN_LICENCE_PROFIT_SHARE_CAP, "The royalty takes " + share.toPlainString()
                + " of the operating margin, above the open-licence cap of " + cap.toPlainString() + " of profit.");
    }

    static ValuationWarning fewComparables(int count) {
        return new ValuationWarning(FEW_COMPARABLES,
                "Only " + count + " comparable(s); at least 3 make a market value reliable.");
    }
}
