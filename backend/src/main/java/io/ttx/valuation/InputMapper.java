package io.ttx.valuation;

import io.ttx.valuation.ValuationInput.Methods;
import io.ttx.valuation.domain.ComparableDeal;
import io.ttx.valuation.domain.CostInput;
import io.ttx.valuation.domain.CostItems;
import io.ttx.valuation.domain.IncomeDcfInput;
import io.ttx.valuation.domain.InputLimits;
import io.ttx.valuation.domain.InvalidValuationInput;
import io.ttx.valuation.domain.MarketInput;
import io.ttx.valuation.domain.MonteCarloSpec;
import io.ttx.valuation.domain.PlatformDeal;
import io.ttx.valuation.domain.RealOptionInput;
import io.ttx.valuation.domain.ReliefFromRoyaltyInput;
import io.ttx.valuation.domain.RnpvInput;
import io.ttx.valuation.domain.ValuationMethod;
import io.ttx.valuation.domain.ValuationRequest;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the client's {@link ValuationInput} (decimal strings) into the domain's {@link ValuationRequest}, which then
 * validates itself. A string that is not a plain decimal ({@code -?digits[.digits]}, at most 64 characters: no
 * exponent, no sign +, no spaces) is a 422 naming its field, like every other input rule; a missing value is passed on
 * as null for the domain to name. Methods are mapped in method order so the first broken rule is reported. A list
 * over its bound ({@link InputLimits}) is refused on its size before any entry is parsed.
 */
final class InputMapper {
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final int MAX_LENGTH = 64;

    private InputMapper() { }

    static ValuationRequest toRequest(ValuationInput input, int trl, boolean openLicence, List<PlatformDeal> platformDeals) {
        Methods m = input.methods() == null ? new Methods(null, null, null, null, null, null) : input.methods();
        ValuationRequest.Builder b = ValuationRequest.builder(trl).openLicence(openLicence).trlAdjustment(input.trlAdjustment());
        if (m.incomeDcf() instanceof ValuationInput.IncomeDcf in) b.incomeDcf(incomeDcf(in));
        if (m.reliefFromRoyalty() instanceof ValuationInput.ReliefFromRoyalty in) b.reliefFromRoyalty(relief(in));
        if (m.rnpv() instanceof ValuationInput.Rnpv in) b.rnpv(rnpv(in));
        if (m.cost() instanceof ValuationInput.Cost in) b.cost(cost(in));
        if (m.market() instanceof ValuationInput.Market in) b.market(market(in));
        if (m.realOption() instanceof ValuationInput.RealOption in) b.realOption(realOption(in));
        weights(input.weights()).forEach(b::weight);
        boolean platform = m.market() != null && Boolean.TRUE.equals(m.market().includePlatformDeals());
        return b.platformDeals(platform ? platformDeals : List.of()).build();
    }

    private static IncomeDcfInput incomeDcf(ValuationInput.IncomeDcf in) {
        String f = "methods.incomeDcf.";
        return new IncomeDcfInput(dec(in.discountRate(), f + "discountRate"), decs(in.cashFlows(), f + "cashFlows"));
    }

    private static ReliefFromRoyaltyInput relief(ValuationInput.ReliefFromRoyalty in) {
        String f = "methods.reliefFromRoyalty.";
        return new ReliefFromRoyaltyInput(dec(in.discountRate(), f + "discountRate"), dec(in.taxRate(), f + "taxRate"),
            decs(in.revenues(), f + "revenues"), dec(in.royaltyRate(), f + "royaltyRate"),
            dec(in.operatingMargin(), f + "operatingMargin"), in.rule(), dec(in.splitRate(), f + "splitRate"));
    }

    private static RnpvInput rnpv(ValuationInput.Rnpv in) {
        String f = "methods.rnpv.";
        return new RnpvInput(dec(in.discountRate(), f + "discountRate"), decs(in.cashFlows(), f + "cashFlows"),
            decs(in.probabilities(), f + "probabilities"));
    }

    private static CostInput cost(ValuationInput.Cost in) {
        String f = "methods.cost.";
        ValuationInput.CostItems items = in.costItems();
        CostItems costItems = items == null ? null : new CostItems(dec(items.rdLabour(), f + "costItems.rdLabour"),
            dec(items.materials(), f + "costItems.materials"), dec(items.ipFees(), f + "costItems.ipFees"),
            dec(items.opportunityCost(), f + "costItems.opportunityCost"));
        BigDecimal markup = dec(in.profitMarkup(), f + "profitMarkup");
        int elapsed = required(in.elapsedYears(), f + "elapsedYears");
        int remaining = required(in.remainingYears(), f + "remainingYears");
        return new CostInput(costItems, markup, elapsed, remaining,
            dec(in.functionalObsolescence(), f + "functionalObsolescence"),
            dec(in.economicObsolescence(), f + "economicObsolescence"));
    }

    private static MarketInput market(ValuationInput.Market in) {
        String f = "methods.market.comparables";
        List<ComparableDeal> comparables = null;
        if (in.comparables() != null) {
            if (in.comparables().size() > InputLimits.COMPARABLES) throw InvalidValuationInput.entries(f, 1, InputLimits.COMPARABLES);
            comparables = new ArrayList<>();
            for (int i = 0; i < in.comparables().size(); i++) {
                ValuationInput.MarketComparable c = in.comparables().get(i);
                String path = f + "[" + i + "]";
                if (c == null) {
                    comparables.add(null);
                    continue;
                }
                Map<String, BigDecimal> factors = new LinkedHashMap<>();
                if (c.adjustments() != null) {
                    if (c.adjustments().size() > InputLimits.ADJUSTMENTS) throw InvalidValuationInput.tooManyAdjustments(path + ".adjustments");
                    for (ValuationInput.Adjustment a : c.adjustments()) {
                        if (a.name().length() > InputLimits.ADJUSTMENT_NAME) throw InvalidValuationInput.adjustmentNameTooLong(path + ".adjustments");
                        factors.put(a.name(), dec(a.factor(), path + ".adjustments." + a.name()));
                    }
                }
                comparables.add(new ComparableDeal(dec(c.price(), path + ".price"), dec(c.weight(), path + ".weight"), factors));
            }
        }
        return new MarketInput(comparables, Boolean.TRUE.equals(in.includePlatformDeals()));
    }

    private static RealOptionInput realOption(ValuationInput.RealOption in) {
        String f = "methods.realOption.";
        MonteCarloSpec spec = null;
        if (in.monteCarlo() != null) {
            spec = new MonteCarloSpec(required(in.monteCarlo().paths(), f + "monteCarlo.paths"),
                required(in.monteCarlo().seed(), f + "monteCarlo.seed"));
        }
        return new RealOptionInput(dec(in.underlyingValue(), f + "underlyingValue"), dec(in.investment(), f + "investment"),
            dec(in.years(), f + "years"), dec(in.volatility(), f + "volatility"), dec(in.riskFreeRate(), f + "riskFreeRate"), spec);
    }

    private static Map<ValuationMethod, BigDecimal> weights(ValuationInput.@Nullable Weights w) {
        Map<ValuationMethod, BigDecimal> out = new LinkedHashMap<>();
        if (w == null) return out;
        String[] given = {w.incomeDcf(), w.reliefFromRoyalty(), w.rnpv(), w.cost(), w.market(), w.realOption()};
        ValuationMethod[] methods = ValuationMethod.values();
        for (int i = 0; i < methods.length; i++) {
            BigDecimal weight = dec(given[i], "weights." + methods[i].key());
            if (weight != null) out.put(methods[i], weight);
        }
        return out;
    }

    /** The decimal a string holds, or null when absent (the domain names missing values). */
    static @Nullable BigDecimal dec(@Nullable String text, String field) {
        if (text == null) return null;
        if (text.length() > MAX_LENGTH || !DECIMAL.matcher(text).matches()) {
            throw InvalidValuationInput.invalid(field, "is not a decimal number (digits with an optional '-' and '.', at most " + MAX_LENGTH + " characters)");
        }
        return new BigDecimal(text);
    }

    private static @Nullable List<BigDecimal> decs(@Nullable List<@Nullable String> texts, String field) {
        if (texts == null) return null;
        if (texts.size() > InputLimits.YEARS) throw InvalidValuationInput.entries(field, 1, InputLimits.YEARS);
        List<BigDecimal> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) out.add(dec(texts.get(i), field + "[" + i + "]"));
        return out;
    }

    private static <T extends Number> T required(@Nullable T value, String field) {
        if (value == null) throw InvalidValuationInput.invalid(field, "is required");
        return value;
    }
}
