package io.ttx.demodata;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One generated technology demand (an enterprise's need), drawn from the same topics as the achievements so that
 * matching achievements to demands has right answers. {@link #json()} is the POST /api/v1/demands body.
 *
 * @param budget      fixed budget in yuan ("800000.00"), or null when {@code budgetRange} is given
 * @param budgetRange budget range, or null when {@code budget} is given (never both)
 */
public record DemoDemand(int index, String topicId, String owner, Bilingual title, Bilingual summary, Field field,
                         List<String> keywords, String technicalIndicators, String problemToSolve,
                         String currentBasis, String budget, Range budgetRange, List<String> cooperationModes,
                         String region, LocalDate validUntil, LocalDate expectedDelivery, String ipOwnership,
                         boolean voucherEligible) {

    /** An amount range in yuan; min is at most max. */
    public record Range(String min, String max) { }

    public Map<String, Object> body() {
        return Json.object(
            "title", title.body(), "summary", summary.body(), "field", field.name(), "keywords", keywords,
            "technicalIndicators", technicalIndicators, "problemToSolve", problemToSolve,
            "currentBasis", currentBasis, "budget", DemoAchievement.money(budget),
            "budgetRange", budgetRange == null ? null : Json.object("min", budgetRange.min(), "max", budgetRange.max()),
            "cooperationModes", cooperationModes, "region", region,
            "validUntil", validUntil.toString(), "expectedDelivery", expectedDelivery.toString(),
            "ipOwnership", ipOwnership, "voucherEligible", voucherEligible);
    }

    /** The POST /api/v1/demands body. */
    public String json() {
        return Json.write(body());
    }
}
