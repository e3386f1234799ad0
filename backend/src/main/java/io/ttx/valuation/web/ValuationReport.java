package io.ttx.valuation.web;

import io.ttx.valuation.ValuationInput;
import io.ttx.valuation.ValuationResults;
import io.ttx.valuation.ValuationResults.Warning;
import io.ttx.valuation.ValuationView;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

import static io.ttx.valuation.web.Html.esc;
import static io.ttx.valuation.web.Html.grouped;

/**
 * The printable report of a stored valuation: one self-contained HTML page (inline CSS and SVG, no script, no
 * external resource) with the facts, the recommended range, and per method its inputs, figures, breakdown table,
 * cash-flow chart or Monte Carlo histogram, and warnings. Every text is escaped; money is shown with thousands
 * separators and every digit the API reports.
 */
final class ValuationReport {
    private static final String STYLE = """
        body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}h1{font-size:22px}h2{font-size:18px;margin-top:1.6em;\
        border-bottom:1px solid #999}h3{font-size:15px}table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;\
        padding:3px 8px;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}.range{font-size:20px}\
        .warnings li{color:#8a4b00}svg .amount,.legend .amount{fill:#4a78b5}svg .present-value,.legend .present-value{fill:#e09b3d}\
        svg .bar{fill:#5b8c5a}svg line.axis{stroke:#333}svg text{font-size:11px}section{page-break-inside:avoid}\
        @media print{body{margin:0}}""";

    private ValuationReport() { }

    static String render(ValuationView v) {
        StringBuilder page = new StringBuilder(16_384);
        page.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Valuation ").append(esc(v.id()))
            .append("</title><style>").append(STYLE).append("</style></head><body>");
        page.append("<h1>Valuation report</h1><table class=\"facts\"><tbody>")
            .append(fact("valuation", v.id())).append(fact("achievement", v.achievementId()))
            .append(fact("TRL", v.trl())).append(fact("TRL adjustment", v.trlAdjustment().name()))
            .append(fact("open licence", v.openLicence() ? "yes" : "no")).append(fact("rule-set version", v.ruleSetVersion()))
            .append(fact("created at", v.createdAt())).append(fact("created by", v.createdBy()))
            .append("</tbody></table>");
        recommended(page, v.recommended());
        ValuationResults r = v.results();
        ValuationInput.Methods in = v.methods();
        if (r.incomeDcf() != null && in.incomeDcf() != null) {
            discounted(page, "incomeDcf", "Income approach (DCF)", ReportInputs.incomeDcf(in.incomeDcf()), r.incomeDcf());
        }
        if (r.reliefFromRoyalty() != null && in.reliefFromRoyalty() != null) {
            discounted(page, "reliefFromRoyalty", "Relief from royalty", ReportInputs.reliefFromRoyalty(in.reliefFromRoyalty()),
                r.reliefFromRoyalty());
        }
        if (r.rnpv() != null && in.rnpv() != null) {
            discounted(page, "rnpv", "Risk-adjusted NPV", ReportInputs.rnpv(in.rnpv()), r.rnpv());
        }
        if (r.cost() != null && in.cost() != null) {
            ValuationResults.Cost c = r.cost();
            section(page, "cost", "Cost approach", ReportInputs.cost(in.cost()), figures(c.value(), c.low(), c.high())
                + money("replacement cost", c.replacementCost()) + plain("remaining-life factor", c.remainingLifeFactor()),
                "", c.warnings());
        }
        if (r.market() != null && in.market() != null) {
            ValuationResults.Market m = r.market();
            StringBuilder extra = new StringBuilder("<h3>Adjusted comparables</h3><ol class=\"adjusted\">");
            m.adjustedComparables().forEach(a -> extra.append("<li>").append(grouped(a)).append("</li>"));
            extra.append("</ol><h3>Platform deals</h3>");
            if (m.platformDeals().isEmpty()) extra.append("<p>none</p>");
            m.platformDeals().forEach(d -> extra.append("<p>").append(esc(d.dealId())).append(": ").append(grouped(d.price())).append("</p>"));
            section(page, "market", "Market approach (comparables)", ReportInputs.market(in.market()),
                figures(m.value(), m.low(), m.high()), extra.toString(), m.warnings());
        }
        if (r.realOption() != null && in.realOption() != null) {
            realOption(page, ReportInputs.realOption(in.realOption()), r.realOption());
        }
        page.append("<footer><p>Amounts in CNY. Figures as computed by rule set ").append(esc(v.ruleSetVersion()))
            .append("; see docs/valuation.md for the arithmetic.</p></footer></body></html>");
        return page.toString();
    }

    private static void recommended(StringBuilder page, ValuationResults.Recommended rec) {
        page.append("<section id=\"recommended\"><h2>Recommended range</h2><p class=\"range\"><span class=\"low\">")
            .append(grouped(rec.low())).append("</span> &#8211; <span class=\"high\">").append(grouped(rec.high()))
            .append("</span> CNY</p><table class=\"weights\"><thead><tr><th>method</th><th>weight</th></tr></thead><tbody>");
        for (Map.Entry<String, String> w : rec.weights().entrySet()) {
            page.append("<tr><td>").append(esc(w.getKey())).append("</td><td class=\"num\">").append(esc(w.getValue())).append("</td></tr>");
        }
        page.append("</tbody></table>").append(warnings(rec.warnings())).append("</section>");
    }

    private static void discounted(StringBuilder page, String key, String title, String inputs, ValuationResults.Discounted d) {
        String figures = figures(d.value(), d.low(), d.high()) + plain("effective rate", d.effectiveRate())
            + plain("success probability", d.successProbability()) + plain("royalty rate", d.royaltyRate());
        StringBuilder extra = new StringBuilder("<h3>Breakdown</h3><table class=\"breakdown\"><thead><tr><th>year</th>"
            + "<th>amount</th><th>discount factor</th><th>present value</th></tr></thead><tbody>");
        for (ValuationResults.Row row : d.breakdown()) {
            extra.append("<tr><td>").append(row.year()).append("</td><td class=\"num\">").append(grouped(row.amount()))
                .append("</td><td class=\"num\">").append(esc(row.discountFactor())).append("</td><td class=\"num\">")
                .append(grouped(row.presentValue())).append("</td></tr>");
        }
        extra.append("</tbody></table><p class=\"note\">The value is the unrounded sum, not the sum of the rounded rows.</p>")
            .append(SvgCharts.cashFlows(key, d.breakdown()));
        section(page, key, title, inputs, figures, extra.toString(), d.warnings());
    }

    private static void realOption(StringBuilder page, String inputs, ValuationResults.RealOption o) {
        String figures = figures(o.value(), o.low(), o.high()) + money("Black-Scholes", o.blackScholes());
        StringBuilder extra = new StringBuilder();
        ValuationResults.MonteCarlo mc = o.monteCarlo();
        if (mc != null) {
            extra.append("<h3>Monte Carlo (").append(mc.paths()).append(" paths, seed ").append(mc.seed()).append(")</h3><table class=\"figures\"><tbody>")
                .append(money("mean", mc.mean())).append(money("p10", mc.p10())).append(money("p50", mc.p50()))
                .append(money("p90", mc.p90())).append("</tbody></table><h3>Payoff distribution</h3>")
                .append(SvgCharts.histogram(mc.histogram()))
                .append("<p class=\"note\">Equal-width buckets from the smallest payoff to p99; the last bucket also holds the top 1 %.</p>");
        }
        section(page, "realOption", "Real option (Black-Scholes)", inputs, figures, extra.toString(), o.warnings());
    }

    private static void section(StringBuilder page, String key, String title, String inputs, String figures, String extra,
                                List<Warning> warnings) {
        page.append("<section id=\"").append(esc(key)).append("\"><h2>").append(esc(title)).append("</h2><h3>Inputs</h3>")
            .append(inputs).append("<h3>Results</h3><table class=\"figures\"><tbody>").append(figures).append("</tbody></table>")
            .append(extra).append(warnings(warnings)).append("</section>");
    }

    private static String figures(String value, String low, String high) {
        return money("value", value) + money("low", low) + money("high", high);
    }

    private static String money(String label, String amount) {
        return "<tr><th>" + esc(label) + "</th><td class=\"num\">" + grouped(amount) + "</td></tr>";
    }

    private static String plain(String label, @Nullable String value) {
        return value == null ? "" : "<tr><th>" + esc(label) + "</th><td class=\"num\">" + esc(value) + "</td></tr>";
    }

    private static String fact(String label, Object value) {
        return "<tr><th>" + esc(label) + "</th><td>" + esc(value) + "</td></tr>";
    }

    private static String warnings(List<Warning> warnings) {
        if (warnings.isEmpty()) return "";
        StringBuilder out = new StringBuilder("<h3>Warnings</h3><ul class=\"warnings\">");
        for (Warning w : warnings) {
            out.append("<li><code>").append(esc(w.code())).append("</code> ").append(esc(w.message())).append("</li>");
        }
        return out.append("</ul>").toString();
    }
}
