package io.ttx.catalogue.rules;

import io.ttx.catalogue.DemandInput;
import io.ttx.catalogue.LocalizedText;
import io.ttx.catalogue.RuleViolations;
import io.ttx.catalogue.RuleViolations.Violation;
import io.ttx.catalogue.TechField;
import io.ttx.catalogue.TransferMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class DemandRulesTests {
    private static final String OWNER = "91350100M000100Y43";
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final DemandInput VALID = new DemandInput(new LocalizedText("固态电池电解质", "Solid-state electrolyte"),
        new LocalizedText("寻找固态电解质量产方案。", "Looking for a mass-producible solid electrolyte."), TechField.NEW_ENERGY,
        List.of("固态电池", "electrolyte"), "ionic conductivity above 1 mS/cm", "dendrites", "pilot line", null, null,
        List.of(TransferMode.JOINT_DEVELOPMENT), "330100", TODAY.plusMonths(6), null, null, null);

    static DemandInput with(UnaryOperator<Builder> change) {
        return change.apply(new Builder(VALID)).build();
    }

    /** A copy of a demand with some fields replaced. */
    record Builder(LocalizedText title, LocalizedText summary, List<String> keywords, String indicators, String problem, String basis,
                   List<TransferMode> modes) {
        Builder(DemandInput d) {
            this(d.title(), d.summary(), d.keywords(), d.technicalIndicators(), d.problemToSolve(), d.currentBasis(), d.cooperationModes());
        }

        Builder title(LocalizedText t) { return new Builder(t, summary, keywords, indicators, problem, basis, modes); }
        Builder summary(LocalizedText t) { return new Builder(title, t, keywords, indicators, problem, basis, modes); }
        Builder keywords(List<String> k) { return new Builder(title, summary, k, indicators, problem, basis, modes); }
        Builder indicators(String t) { return new Builder(title, summary, keywords, t, problem, basis, modes); }
        Builder problem(String t) { return new Builder(title, summary, keywords, indicators, t, basis, modes); }
        Builder basis(String t) { return new Builder(title, summary, keywords, indicators, problem, t, modes); }
        Builder modes(List<TransferMode> m) { return new Builder(title, summary, keywords, indicators, problem, basis, m); }

        DemandInput build() {
            return new DemandInput(title, summary, VALID.field(), keywords, indicators, problem, basis, null, null, modes, VALID.region(),
                VALID.validUntil(), null, null, null);
        }
    }

    static List<Violation> violations(DemandInput in) {
        RuleViolations e = catchThrowableOfType(RuleViolations.class, () -> DemandRules.check(in, OWNER, TODAY));
        assertThat(e).as("expected rule violations").isNotNull();
        return e.violations();
    }

    static void rejects(DemandInput in, String field, String code) {
        assertThat(violations(in)).extracting(Violation::field, Violation::code).containsExactly(tuple(field, code));
    }

    @Test
    void acceptsTheValidDemand() {
        assertThat(DemandRules.check(VALID, OWNER, TODAY).title()).isEqualTo(VALID.title());
    }

    @Test
    void limitsTitleSummaryAndFreeTexts() {
        DemandRules.check(with(b -> b.title(new LocalizedText("需".repeat(200), null)).summary(new LocalizedText(null, "s".repeat(2000)))
            .indicators("指".repeat(4000)).problem("问".repeat(4000)).basis("基".repeat(4000))), OWNER, TODAY);
        rejects(with(b -> b.title(new LocalizedText("需".repeat(201), null))), "title.zh", "text-too-long");
        rejects(with(b -> b.summary(new LocalizedText(null, "s".repeat(2001)))), "summary.en", "text-too-long");
        rejects(with(b -> b.indicators("指".repeat(4001))), "technicalIndicators", "text-too-long");
        rejects(with(b -> b.problem("问".repeat(4001))), "problemToSolve", "text-too-long");
        rejects(with(b -> b.basis("基".repeat(4001))), "currentBasis", "text-too-long");
    }

    @Test
    void refusesHugeTextsAndListsAtOnce() {
        String huge = "x".repeat(100_000);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            rejects(with(b -> b.title(new LocalizedText(null, huge))), "title.en", "text-too-long");
            rejects(with(b -> b.summary(new LocalizedText(huge, null))), "summary.zh", "text-too-long");
            rejects(with(b -> b.indicators(huge)), "technicalIndicators", "text-too-long");
            rejects(with(b -> b.problem(huge)), "problemToSolve", "text-too-long");
            rejects(with(b -> b.basis(huge)), "currentBasis", "text-too-long");
            rejects(with(b -> b.keywords(Collections.nCopies(10_000, huge))), "keywords", "too-many-keywords");
            rejects(with(b -> b.modes(Collections.nCopies(10_000, TransferMode.EQUITY))), "cooperationModes", "too-many-items");
        });
    }

    @Test
    void allowsAtMost20KeywordsAndSevenCooperationModesAsSent() {
        DemandRules.check(with(b -> b.keywords(IntStream.range(0, 20).mapToObj(i -> "k" + i).toList())), OWNER, TODAY);
        rejects(with(b -> b.keywords(IntStream.range(0, 21).mapToObj(i -> "k" + i).toList())), "keywords", "too-many-keywords");
        assertThat(DemandRules.check(with(b -> b.modes(Collections.nCopies(7, TransferMode.EQUITY))), OWNER, TODAY).cooperationModes())
            .containsExactly(TransferMode.EQUITY);
        rejects(with(b -> b.modes(Collections.nCopies(8, TransferMode.EQUITY))), "cooperationModes", "too-many-items");
    }

    @Test
    void storesTextsNfcNormalised() {
        String decomposed = "Cafe\u0301";
        String composed = "Caf\u00e9";
        DemandInput out = DemandRules.check(with(b -> b.title(new LocalizedText(decomposed, null)).keywords(List.of(decomposed, composed))
            .indicators(decomposed).problem(decomposed).basis(decomposed)), OWNER, TODAY);
        assertThat(out.title().zh()).isEqualTo(composed);
        assertThat(out.keywords()).containsExactly(composed);
        assertThat(List.of(out.technicalIndicators(), out.problemToSolve(), out.currentBasis())).containsOnly(composed);
    }
}
