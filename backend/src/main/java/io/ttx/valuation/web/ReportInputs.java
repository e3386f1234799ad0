package io.ttx.valuation.web;

import io.ttx.valuation.ValuationInput;
import org.jspecify.annotations.Nullable;

import java.util.List;

import static io.ttx.valuation.web.Html.esc;

/** The "Inputs" table of each method in the report: every value exactly as the client sent it (escaped). */
final class ReportInputs {
    private ReportInputs() { }

    static String incomeDcf(ValuationInput.IncomeDcf in) {
        return table(row("discount rate", in.discountRate()) + row("cash flows (years 1..N)", list(in.cashFlows())));
    }

    static String reliefFromRoyalty(ValuationInput.ReliefFromRoyalty in) {
        return table(row("discount rate", in.discountRate()) + row("tax rate", in.taxRate())
            + row("revenues (years 1..N)", list(in.revenues())) + row("royalty rate", in.royaltyRate())
            + row("operating margin", in.operatingMargin()) + row("rule", in.rule() == null ? null : in.rule().name())
            + row("split rate", in.splitRate()));
    }

    static String rnpv(ValuationInput.Rnpv in) {
        return table(row("discount rate", in.discountRate()) + row("cash flows (years 1..N)", list(in.cashFlows()))
            + row("cumulative probabilities", list(in.probabilities())));
    }

    static String cost(ValuationInput.Cost in) {
        ValuationInput.CostItems items = in.costItems();
        String rows = items == null ? "" : row("R&D labour", items.rdLabour()) + row("materials", items.materials())
            + row("IP fees", items.ipFees()) + row("opportunity cost", items.opportunityCost());
        return table(rows + row("profit markup", in.profitMarkup()) + row("elapsed years", in.elapsedYears())
            + row("remaining years", in.remainingYears()) + row("functional obsolescence", in.functionalObsolescence())
            + row("economic obsolescence", in.economicObsolescence()));
    }

    static String market(ValuationInput.Market in) {
        StringBuilder out = new StringBuilder("<table class=\"inputs comparables\"><thead><tr><th>#</th><th>price</th>"
            + "<th>weight</th><th>adjustments</th></tr></thead><tbody>");
        List<ValuationInput.@Nullable MarketComparable> comparables = in.comparables() == null ? List.of() : in.comparables();
        for (int i = 0; i < comparables.size(); i++) {
            ValuationInput.MarketComparable c = comparables.get(i);
            if (c == null) continue;
            StringBuilder factors = new StringBuilder();
            for (ValuationInput.Adjustment a : c.adjustments() == null ? List.<ValuationInput.Adjustment>of() : c.adjustments()) {
                if (!factors.isEmpty()) factors.append(", ");
                factors.append(esc(a.name())).append(" &#215; ").append(esc(a.factor()));
            }
            out.append("<tr><td>").append(i + 1).append("</td><td class=\"num\">").append(esc(c.price()))
                .append("</td><td class=\"num\">").append(esc(c.weight())).append("</td><td>").append(factors).append("</td></tr>");
        }
        out.append("</tbody></table>");
        return out + table(row("include platform deals", Boolean.TRUE.equals(in.includePlatformDeals()) ? "yes" : "no"));
    }

    static String realOption(ValuationInput.RealOption in) {
        ValuationInput.MonteCarlo mc = in.monteCarlo();
        return table(row("underlying value S", in.underlyingValue()) + row("investment X", in.investment())
            + row("years T", in.years()) + row("volatility", in.volatility()) + row("risk-free rate", in.riskFreeRate())
            + (mc == null ? "" : row("Monte Carlo paths", mc.paths()) + row("Monte Carlo seed", mc.seed())));
    }

    private static String table(String rows) {
        return "<table class=\"inputs\"><tbody>" + rows + "</tbody></table>";
    }

    private static String row(String label, @Nullable Object value) {
        if (value == null) return "";
        return "<tr><th>" + esc(label) + "</th><td class=\"num\">" + esc(value) + "</td></tr>";
    }

    private static @Nullable String list(@Nullable List<@Nullable String> values) {
        return values == null ? null : String.join(", ", values.stream().map(String::valueOf).toList());
    }
}
