package io.ttx.valuation.web;

import io.ttx.valuation.ValuationResults.Bucket;
import io.ttx.valuation.ValuationResults.Row;

import java.util.List;

import static io.ttx.valuation.web.Html.esc;
import static io.ttx.valuation.web.Html.grouped;
import static io.ttx.valuation.web.Html.n;

/**
 * Inline SVG charts of the report (no script, no external resource): the yearly cash flows of a discounted method
 * (amount and present value side by side, negative years below the axis) and the Monte Carlo payoff histogram (one
 * {@code class="bar"} rectangle per bucket). Each bar carries a {@code <title>} with its exact figures.
 */
final class SvgCharts {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 240;
    private static final int LEFT = 10;
    private static final int TOP = 20;
    private static final int BOTTOM = 30;

    private SvgCharts() { }

    static String cashFlows(String method, List<Row> rows) {
        double max = 0;
        double min = 0;
        for (Row r : rows) {
            for (double v : new double[] {Double.parseDouble(r.amount()), Double.parseDouble(r.presentValue())}) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
        }
        double span = max - min == 0 ? 1 : max - min;
        double plot = HEIGHT - TOP - BOTTOM;
        double zero = TOP + plot * max / span;
        double slot = (WIDTH - 2.0 * LEFT) / Math.max(rows.size(), 1);
        double bar = slot * 0.38;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart cash-flow\" width=\"").append(WIDTH)
            .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
            .append("\" role=\"img\" aria-label=\"").append(esc(method)).append(" cash flows by year\">");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"14\" class=\"legend\">")
            .append("<tspan class=\"amount\">&#9632;</tspan> cash flow <tspan class=\"present-value\">&#9632;</tspan> present value</text>");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double x = LEFT + i * slot + slot * 0.1;
            rect(svg, "amount", x, zero, bar, Double.parseDouble(r.amount()) / span * plot,
                "year " + r.year() + " cash flow " + grouped(r.amount()));
            rect(svg, "present-value", x + bar, zero, bar, Double.parseDouble(r.presentValue()) / span * plot,
                "year " + r.year() + " present value " + grouped(r.presentValue()));
            svg.append("<text x=\"").append(n(x + bar)).append("\" y=\"").append(HEIGHT - 10)
                .append("\" text-anchor=\"middle\" class=\"axis\">").append(r.year()).append("</text>");
        }
        line(svg, zero);
        return svg.append("</svg>").toString();
    }

    static String histogram(List<Bucket> buckets) {
        long most = 1;
        for (Bucket b : buckets) most = Math.max(most, b.count());
        double plot = HEIGHT - TOP - BOTTOM;
        double slot = (WIDTH - 2.0 * LEFT) / Math.max(buckets.size(), 1);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart histogram\" width=\"").append(WIDTH)
            .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
            .append("\" role=\"img\" aria-label=\"Monte Carlo payoff histogram\">");
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            double h = plot * b.count() / most;
            double x = LEFT + i * slot;
            svg.append("<rect class=\"bar\" x=\"").append(n(x + 1)).append("\" y=\"").append(n(TOP + plot - h))
                .append("\" width=\"").append(n(slot - 2)).append("\" height=\"").append(n(h)).append("\"><title>")
                .append(esc(grouped(b.from()) + " to " + grouped(b.to()) + ": " + b.count() + " paths"))
                .append("</title></rect>");
        }
        line(svg, TOP + plot);
        if (!buckets.isEmpty()) {
            svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 10).append("\" class=\"axis\">")
                .append(esc(grouped(buckets.getFirst().from()))).append("</text>");
            svg.append("<text x=\"").append(WIDTH - LEFT).append("\" y=\"").append(HEIGHT - 10)
                .append("\" text-anchor=\"end\" class=\"axis\">").append(esc(grouped(buckets.getLast().to()))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static void rect(StringBuilder svg, String css, double x, double zero, double width, double height, String title) {
        double y = height >= 0 ? zero - height : zero;
        svg.append("<rect class=\"").append(css).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
            .append("\" width=\"").append(n(width)).append("\" height=\"").append(n(Math.abs(height))).append("\"><title>")
            .append(esc(title)).append("</title></rect>");
    }

    private static void line(StringBuilder svg, double y) {
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - LEFT).append("\" y1=\"")
            .append(n(y)).append("\" y2=\"").append(n(y)).append("\"/>");
    }
}
