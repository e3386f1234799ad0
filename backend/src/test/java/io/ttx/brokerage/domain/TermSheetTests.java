package io.ttx.brokerage.domain;

import static io.ttx.brokerage.domain.DealCodes.INVALID_TERM;
import static io.ttx.brokerage.domain.DealCodes.INVALID_TERM_SHEET;
import static io.ttx.brokerage.domain.DealCodes.INVALID_TIERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One case per term sheet rule: each is reported with its code and the field at the start of the detail. */
class TermSheetTests {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    /** A valid sheet with every optional part, changed by one rule at a time. */
    private record Draft(List<String> fields, List<String> territory, LocalDate start, @Nullable LocalDate end,
            long upfront, List<Milestone> milestones, List<RoyaltyTier> tiers, @Nullable Long minimum,
            @Nullable BigDecimal equity) {

        static Draft valid() {
            return new Draft(List.of("C39", "I"), List.of("110000", "US"), START, START.plusYears(5), 100,
                    List.of(new Milestone("pilot", 50, START.plusYears(1))),
                    List.of(new RoyaltyTier(1_000L, new BigDecimal("0.05")), new RoyaltyTier(null, new BigDecimal("0.03"))),
                    1_000L, new BigDecimal("12.5"));
        }

        TermSheet sheet() {
            return new TermSheet(TransferMode.EQUITY, fields, territory, start, end, true, upfront, milestones, tiers,
                    minimum, equity);
        }
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                rule("no field of use", d -> withFields(d, List.of()), INVALID_TERM_SHEET, "fieldOfUse:"),
                rule("21 fields of use", d -> withFields(d, Collections.nCopies(21, "C")), INVALID_TERM_SHEET, "fieldOfUse:"),
                rule("section U does not exist", d -> withFields(d, List.of("C", "U")), INVALID_TERM_SHEET, "fieldOfUse[1]:"),
                rule("five digits", d -> withFields(d, List.of("C39111")), INVALID_TERM_SHEET, "fieldOfUse[0]:"),
                rule("lower case section", d -> withFields(d, List.of("c39")), INVALID_TERM_SHEET, "fieldOfUse[0]:"),
                rule("no territory", d -> withTerritory(d, List.of()), INVALID_TERM_SHEET, "territory:"),
                rule("21 territories", d -> withTerritory(d, Collections.nCopies(21, "CN")), INVALID_TERM_SHEET, "territory:"),
                rule("unknown country", d -> withTerritory(d, List.of("XX")), INVALID_TERM_SHEET, "territory[0]:"),
                rule("five-digit region", d -> withTerritory(d, List.of("11000")), INVALID_TERM_SHEET, "territory[0]:"),
                rule("region 000000", d -> withTerritory(d, List.of("000000")), INVALID_TERM_SHEET, "territory[0]:"),
                rule("end before start", d -> withTerm(d, START, START.minusDays(1)), INVALID_TERM, "termEnd"),
                rule("start before 2000", d -> withTerm(d, LocalDate.of(1999, 12, 31), null), INVALID_TERM, "the term"),
                rule("end after 2199", d -> withTerm(d, START, LocalDate.of(2200, 1, 1)), INVALID_TERM, "the term"),
                rule("negative upfront", d -> withUpfront(d, -1), INVALID_TERM_SHEET, "upfront:"),
                rule("upfront above 10^15", d -> withUpfront(d, DealLimits.MAX_AMOUNT + 1), INVALID_TERM_SHEET, "upfront:"),
                rule("21 milestones", d -> withMilestones(d, IntStream.range(0, 21)
                        .mapToObj(i -> new Milestone("m" + i, 1, START)).toList()), INVALID_TERM_SHEET, "milestones:"),
                rule("blank milestone name", d -> withMilestones(d, List.of(new Milestone(" ", 1, START))),
                        INVALID_TERM_SHEET, "milestones[0].name:"),
                rule("milestone name of 101 characters", d -> withMilestones(d, List.of(new Milestone("界".repeat(101), 1,
                        START))), INVALID_TERM_SHEET, "milestones[0].name:"),
                rule("repeated milestone name", d -> withMilestones(d, List.of(new Milestone("a", 1, START),
                        new Milestone("a", 2, START))), INVALID_TERM_SHEET, "milestones[1].name:"),
                rule("negative milestone", d -> withMilestones(d, List.of(new Milestone("a", -1, START))),
                        INVALID_TERM_SHEET, "milestones[0].amount:"),
                rule("milestone due in 2200", d -> withMilestones(d, List.of(new Milestone("a", 1,
                        LocalDate.of(2200, 1, 1)))), INVALID_TERM_SHEET, "milestones[0].dueOn:"),
                rule("11 tiers", d -> withTiers(d, IntStream.rangeClosed(1, 11)
                        .mapToObj(i -> new RoyaltyTier((long) i, BigDecimal.ZERO)).toList()), INVALID_TERM_SHEET, "royaltyTiers:"),
                rule("rate above 1", d -> withTiers(d, List.of(new RoyaltyTier(null, new BigDecimal("1.01")))),
                        INVALID_TERM_SHEET, "royaltyTiers[0].rate:"),
                rule("negative rate", d -> withTiers(d, List.of(new RoyaltyTier(null, new BigDecimal("-0.01")))),
                        INVALID_TERM_SHEET, "royaltyTiers[0].rate:"),
                rule("rate with 16 decimals", d -> withTiers(d, List.of(new RoyaltyTier(null,
                        new BigDecimal("0.0000000000000001")))), INVALID_TERM_SHEET, "royaltyTiers[0].rate:"),
                rule("tier bound above 10^15", d -> withTiers(d, List.of(new RoyaltyTier(DealLimits.MAX_AMOUNT + 1,
                        BigDecimal.ONE))), INVALID_TERM_SHEET, "royaltyTiers[0].upTo:"),
                rule("unbounded tier before the last", d -> withTiers(d, List.of(new RoyaltyTier(null, BigDecimal.ONE),
                        new RoyaltyTier(null, BigDecimal.ONE))), INVALID_TIERS, "royaltyTiers[0].upTo:"),
                rule("equal bounds", d -> withTiers(d, List.of(new RoyaltyTier(100L, BigDecimal.ONE),
                        new RoyaltyTier(100L, BigDecimal.ONE))), INVALID_TIERS, "royaltyTiers[1].upTo:"),
                rule("descending bounds", d -> withTiers(d, List.of(new RoyaltyTier(100L, BigDecimal.ONE),
                        new RoyaltyTier(50L, BigDecimal.ONE))), INVALID_TIERS, "royaltyTiers[1].upTo:"),
                rule("first bound 0", d -> withTiers(d, List.of(new RoyaltyTier(0L, BigDecimal.ONE))), INVALID_TIERS,
                        "royaltyTiers[0].upTo:"),
                rule("negative minimum", d -> new Draft(d.fields(), d.territory(), d.start(), d.end(), d.upfront(),
                        d.milestones(), d.tiers(), -1L, d.equity()), INVALID_TERM_SHEET, "minimumAnnualRoyalty:"),
                rule("equity above 100", d -> withEquity(d, new BigDecimal("100.01")), INVALID_TERM_SHEET, "equityPercent:"),
                rule("negative equity", d -> withEquity(d, new BigDecimal("-1")), INVALID_TERM_SHEET, "equityPercent:"));
    }

    private static Arguments rule(String name, UnaryOperator<Draft> change, String code, String detailStart) {
        return arguments(name, change.apply(Draft.valid()).sheet(), code, detailStart);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void reportsTheBrokenRule(String rule, TermSheet sheet, String code, String detailStart) {
        assertThat(sheet.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.kind()).isEqualTo(RejectionKind.UNPROCESSABLE);
            assertThat(problem.detail()).startsWith(detailStart);
        });
    }

    @Test
    void aValidSheetHasNoProblem() {
        assertThat(Draft.valid().sheet().problem()).isEmpty();
        assertThat(Fixtures.sheet().problem()).isEmpty();
    }

    @Test
    void theBoundsThemselvesAreValid() {
        Draft d = Draft.valid();
        List<Milestone> twenty = IntStream.range(0, 20).mapToObj(i -> new Milestone("m" + i, 0, START)).toList();
        List<RoyaltyTier> ten = new ArrayList<>(IntStream.rangeClosed(1, 9)
                .mapToObj(i -> new RoyaltyTier((long) i, BigDecimal.ONE)).toList());
        ten.add(new RoyaltyTier(DealLimits.MAX_AMOUNT, new BigDecimal("0.000000000000001")));

        assertThat(withFields(d, Collections.nCopies(20, "*")).sheet().problem()).isEmpty();
        assertThat(withTerritory(d, List.of("*", "CN", "110000", "110100", "110101")).sheet().problem()).isEmpty();
        assertThat(withTerm(d, LocalDate.of(2000, 1, 1), LocalDate.of(2199, 12, 31)).sheet().problem()).isEmpty();
        assertThat(withTerm(d, START, START).sheet().problem()).isEmpty();
        assertThat(withTerm(d, START, null).sheet().problem()).isEmpty();
        assertThat(withUpfront(d, DealLimits.MAX_AMOUNT).sheet().problem()).isEmpty();
        assertThat(withMilestones(d, twenty).sheet().problem()).isEmpty();
        assertThat(withMilestones(d, List.of(new Milestone("界".repeat(100), 1, START))).sheet().problem()).isEmpty();
        assertThat(withTiers(d, ten).sheet().problem()).isEmpty();
        assertThat(withTiers(d, List.of()).sheet().problem()).isEmpty();
        assertThat(withEquity(d, new BigDecimal("100")).sheet().problem()).isEmpty();
        assertThat(withEquity(d, BigDecimal.ZERO).sheet().problem()).isEmpty();
    }

    @Test
    void contractValueIsUpfrontPlusMilestones() {
        Draft d = Draft.valid();
        TermSheet sheet = withMilestones(d, List.of(new Milestone("a", 30, START), new Milestone("b", 45, START))).sheet();

        assertThat(sheet.contractValue()).isEqualTo(100 + 30 + 45);
        assertThat(sheet.milestone("b")).hasValueSatisfying(m -> assertThat(m.amount()).isEqualTo(45));
        assertThat(sheet.milestone("c")).isEmpty();
    }

    private static Draft withFields(Draft d, List<String> fields) {
        return new Draft(fields, d.territory(), d.start(), d.end(), d.upfront(), d.milestones(), d.tiers(), d.minimum(),
                d.equity());
    }

    private static Draft withTerritory(Draft d, List<String> territory) {
        return new Draft(d.fields(), territory, d.start(), d.end(), d.upfront(), d.milestones(), d.tiers(), d.minimum(),
                d.equity());
    }

    private static Draft withTerm(Draft d, LocalDate start, @Nullable LocalDate end) {
        return new Draft(d.fields(), d.territory(), start, end, d.upfront(), d.milestones(), d.tiers(), d.minimum(),
                d.equity());
    }

    private static Draft withUpfront(Draft d, long upfront) {
        return new Draft(d.fields(), d.territory(), d.start(), d.end(), upfront, d.milestones(), d.tiers(), d.minimum(),
                d.equity());
    }

    private static Draft withMilestones(Draft d, List<Milestone> milestones) {
        return new Draft(d.fields(), d.territory(), d.start(), d.end(), d.upfront(), milestones, d.tiers(), d.minimum(),
                d.equity());
    }

    private static Draft withTiers(Draft d, List<RoyaltyTier> tiers) {
        return new Draft(d.fields(), d.territory(), d.start(), d.end(), d.upfront(), d.milestones(), tiers, d.minimum(),
                d.equity());
    }

    private static Draft withEquity(Draft d, BigDecimal equity) {
        return new Draft(d.fields(), d.territory(), d.start(), d.end(), d.upfront(), d.milestones(), d.tiers(),
                d.minimum(), equity);
    }
}
