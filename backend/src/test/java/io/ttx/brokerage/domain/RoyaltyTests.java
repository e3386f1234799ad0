package io.ttx.brokerage.domain;

import static io.ttx.brokerage.domain.Fixtures.MINIMUM;
import static io.ttx.brokerage.domain.Fixtures.apply;
import static io.ttx.brokerage.domain.Fixtures.decide;
import static io.ttx.brokerage.domain.Fixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ttx.brokerage.domain.DealCommand.CloseRoyaltyYear;
import io.ttx.brokerage.domain.DealCommand.FileRoyaltyStatement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Royalties on marginal tiers, dues that never drift, true-ups and the commission on them; every expected figure is
 * worked out by hand in a comment. The fixtures' tiers: 5 % up to 10,000,000 fen, 3 % up to 50,000,000, 1 % above;
 * minimum annual royalty 5,000,000 fen; term 2025 to 2030; commission rate 0.05; today is 2026-06-15.
 */
class RoyaltyTests {

    private static Deal registered() {
        return Fixtures.inStage(DealStage.REGISTERED);
    }

    private static Deal withTerms(List<RoyaltyTier> tiers, @Nullable Long minimum, LocalDate start, @Nullable LocalDate end) {
        TermSheet terms = new TermSheet(TransferMode.ORDINARY_LICENCE, List.of("*"), List.of("CN"), start, end, false, 0,
                List.of(), tiers, minimum, null);
        return DealBuilder.from(registered()).agreedTerms(terms).build();
    }

    private static FileRoyaltyStatement statement(int year, long netSales) {
        return new FileRoyaltyStatement(year, netSales, false);
    }

    private static String code(Deal deal, DealCommand command) {
        return rejection(decide(deal, command instanceof FileRoyaltyStatement ? Relation.BUYER : Relation.BROKER,
                command)).code();
    }

    @Test
    void tiersAreMarginalOnCumulativeSales() {
        List<RoyaltyTier> tiers = Fixtures.tiers();

        assertThat(Royalties.royalty(tiers, 0)).isZero();
        // 0.05 x 8,000,000 = 400,000
        assertThat(Royalties.royalty(tiers, 8_000_000)).isEqualTo(400_000);
        // 0.05 x 10,000,000 = 500,000
        assertThat(Royalties.royalty(tiers, 10_000_000)).isEqualTo(500_000);
        // 500,000 + 0.03 x (30,000,000 - 10,000,000) = 500,000 + 600,000
        assertThat(Royalties.royalty(tiers, 30_000_000)).isEqualTo(1_100_000);
        // 500,000 + 0.03 x 40,000,000 + 0.01 x (80,000,000 - 50,000,000) = 500,000 + 1,200,000 + 300,000
        assertThat(Royalties.royalty(tiers, 80_000_000)).isEqualTo(2_000_000);
        // 500,000 + 0.03 x 1 = 500,000.03 -> 500,000; 500,000 + 0.03 x 17 = 500,000.51 -> 500,001
        assertThat(Royalties.royalty(tiers, 10_000_001)).isEqualTo(500_000);
        assertThat(Royalties.royalty(tiers, 10_000_017)).isEqualTo(500_001);
        // 0.03 x 5 = 0.15 -> 0 ; 0.05 x 10 = 0.5 -> 1 (half-up)
        assertThat(Royalties.royalty(List.of(new RoyaltyTier(null, new BigDecimal("0.03"))), 5)).isZero();
        assertThat(Royalties.royalty(tiers, 10)).isEqualTo(1);
    }

    @Test
    void salesAboveABoundedLastTierBearNoRoyalty() {
        List<RoyaltyTier> capped = List.of(new RoyaltyTier(10_000L, new BigDecimal("0.1")));

        // 0.1 x 5,000 = 500 ; 0.1 x 10,000 = 1,000 and nothing on the 40,000 above
        assertThat(Royalties.royalty(capped, 5_000)).isEqualTo(500);
        assertThat(Royalties.royalty(capped, 50_000)).isEqualTo(1_000);
        assertThat(Royalties.royalty(List.of(), 50_000)).isZero();
    }

    @Test
    void trueUpLiftsTheYearToTheMinimum() {
        assertThat(Royalties.trueUp(100L, 40)).isEqualTo(60);
        assertThat(Royalties.trueUp(100L, 100)).isZero();
        assertThat(Royalties.trueUp(100L, 150)).isZero();
        assertThat(Royalties.trueUp(null, 0)).isZero();
    }

    @Test
    void statementsAccumulateTheYearAndEarnCommission() {
        Deal deal = registered();
        long before = deal.commission();

        DealDecision.Accepted first = Fixtures.acceptance(decide(deal, Relation.BUYER, statement(2026, 8_000_000)));
        // due R(8,000,000) - R(0) = 400,000; commission 0.05 x 400,000 = 20,000
        RoyaltyYear year = first.deal().royaltyYear(2026).orElseThrow();
        assertThat(year.lastStatement()).hasValueSatisfying(s -> assertThat(s.due()).isEqualTo(400_000));
        assertThat(first.deal().commission()).isEqualTo(before + 20_000);
        assertThat(first.entry().note()).isEqualTo("statement for 2026: net sales 80000.00, due 4000.00, commission 200.00");
        assertThat(first.event().type()).isEqualTo("DealRoyaltyStatementFiled");

        Deal second = apply(first.deal(), Relation.BUYER, statement(2026, 22_000_000));
        // cumulative 30,000,000: due R(30,000,000) - R(8,000,000) = 1,100,000 - 400,000 = 700,000; commission 35,000
        year = second.royaltyYear(2026).orElseThrow();
        assertThat(year.statements()).extracting(RoyaltyStatement::netSales, RoyaltyStatement::due)
                .containsExactly(tuple(8_000_000L, 400_000L),
                        tuple(22_000_000L, 700_000L));
        assertThat(year.netSales()).isEqualTo(30_000_000);
        assertThat(year.due()).isEqualTo(1_100_000);
        assertThat(year.closed()).isFalse();
        assertThat(year.trueUp()).isZero();
        assertThat(second.commission()).isEqualTo(before + 20_000 + 35_000);
        assertThat(year.statements().get(0)).isEqualTo(first.deal().royaltyYear(2026).orElseThrow().statements().get(0));
    }

    @Test
    void dueIsTheDifferenceOfCumulativeRoyaltiesSoRoundingNeverDrifts() {
        Deal deal = withTerms(List.of(new RoyaltyTier(null, new BigDecimal("0.035"))), null, LocalDate.of(2025, 1, 1), null);
        List<Long> dues = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            deal = apply(deal, Relation.BUYER, statement(2025, 12_345));
            dues.add(deal.royaltyYear(2025).orElseThrow().lastStatement().orElseThrow().due());
        }

        // R(k x 12,345) = 432.075 k half-up: 432, 864, 1296, 1728, 2160, 2592, 3024.525 -> 3025, 3456.6 -> 3457,
        // 3888.675 -> 3889, 4320.75 -> 4321, 4752.825 -> 4753, 5184.9 -> 5185; dues are the differences.
        // Rounding each statement on its own would give 12 x 432 = 5,184 and lose a fen.
        assertThat(dues).containsExactly(432L, 432L, 432L, 432L, 432L, 432L, 433L, 432L, 432L, 432L, 432L, 432L);
        assertThat(deal.royaltyYear(2025).orElseThrow().due()).isEqualTo(5_185).isEqualTo(Royalties.royalty(
                List.of(new RoyaltyTier(null, new BigDecimal("0.035"))), 12 * 12_345));
    }

    @Test
    void tinyStatementsDoNotEachRoundUp() {
        Deal deal = withTerms(List.of(new RoyaltyTier(null, new BigDecimal("0.035"))), null, LocalDate.of(2025, 1, 1), null);
        List<Long> dues = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            deal = apply(deal, Relation.BUYER, statement(2025, 15));
            dues.add(deal.royaltyYear(2025).orElseThrow().lastStatement().orElseThrow().due());
        }

        // 0.035 x 15 = 0.525 would round to 1 every time (10 fen); R(15 k) = 0.525 k half-up is 1, 1.05 -> 1,
        // 1.575 -> 2, 2.1 -> 2, 2.625 -> 3, 3.15 -> 3, 3.675 -> 4, 4.2 -> 4, 4.725 -> 5, 5.25 -> 5
        assertThat(dues).containsExactly(1L, 0L, 1L, 0L, 1L, 0L, 1L, 0L, 1L, 0L);
        assertThat(deal.royaltyYear(2025).orElseThrow().due()).isEqualTo(5);
    }

    @Test
    void aClosingStatementAddsTheTrueUpAndItsCommission() {
        Deal deal = registered();
        long before = deal.commission();

        DealDecision.Accepted closed = Fixtures.acceptance(decide(deal, Relation.BUYER,
                new FileRoyaltyStatement(2025, 30_000_000, true)));

        // due R(30,000,000) = 1,100,000; true-up 5,000,000 - 1,100,000 = 3,900,000
        // commission 0.05 x 1,100,000 + 0.05 x 3,900,000 = 55,000 + 195,000
        RoyaltyYear year = closed.deal().royaltyYear(2025).orElseThrow();
        assertThat(year.closed()).isTrue();
        assertThat(year.due()).isEqualTo(1_100_000);
        assertThat(year.trueUp()).isEqualTo(3_900_000);
        assertThat(year.total()).isEqualTo(MINIMUM);
        assertThat(closed.deal().commission()).isEqualTo(before + 250_000);
        assertThat(closed.entry().note()).isEqualTo(
                "statement for 2025: net sales 300000.00, due 11000.00, true-up 39000.00, commission 2500.00");
    }

    @Test
    void noTrueUpWhenTheYearBeatsTheMinimum() {
        // R(400,000,000) = 500,000 + 1,200,000 + 0.01 x 350,000,000 = 5,200,000 > 5,000,000
        Deal deal = apply(registered(), Relation.BUYER, new FileRoyaltyStatement(2025, 400_000_000, true));

        RoyaltyYear year = deal.royaltyYear(2025).orElseThrow();
        assertThat(year.due()).isEqualTo(5_200_000);
        assertThat(year.trueUp()).isZero();
    }

    @Test
    void closingAYearWithoutStatementsOwesTheMinimum() {
        Deal deal = registered();
        long before = deal.commission();

        DealDecision.Accepted closed = Fixtures.acceptance(decide(deal, Relation.SELLER_TTO, new CloseRoyaltyYear(2025)));

        // true-up 5,000,000 - R(0) = 5,000,000; commission 0.05 x 5,000,000 = 250,000
        assertThat(closed.deal().royaltyYear(2025)).contains(new RoyaltyYear(2025, List.of(), 0, 0, true, MINIMUM));
        assertThat(closed.deal().commission()).isEqualTo(before + 250_000);
        assertThat(closed.deal().stage()).isEqualTo(DealStage.REGISTERED);
        assertThat(closed.event().type()).isEqualTo("DealRoyaltyYearClosed");
    }

    @Test
    void aClosedYearTakesNoMoreStatementsAndClosesOnce() {
        Deal deal = apply(registered(), Relation.BUYER, statement(2025, 1_000));
        deal = apply(deal, Relation.BROKER, new CloseRoyaltyYear(2025));

        assertThat(rejection(decide(deal, Relation.BUYER, statement(2025, 1_000))))
                .isEqualTo(DealRejection.conflict(DealCodes.YEAR_CLOSED, "2025 is closed"));
        assertThat(code(deal, new FileRoyaltyStatement(2025, 0, true))).isEqualTo(DealCodes.YEAR_CLOSED);
        assertThat(code(deal, new CloseRoyaltyYear(2025))).isEqualTo(DealCodes.YEAR_CLOSED);
        assertThat(Fixtures.accepted(decide(deal, Relation.BUYER, statement(2026, 1_000)))).isNotNull();
    }

    @Test
    void onlyAnEndedYearCanBeClosed() {
        assertThat(rejection(decide(registered(), Relation.BROKER, new CloseRoyaltyYear(2026))))
                .isEqualTo(DealRejection.conflict(DealCodes.YEAR_NOT_ENDED, "2026 has not ended"));
        assertThat(code(registered(), new CloseRoyaltyYear(2027))).isEqualTo(DealCodes.YEAR_NOT_ENDED);
    }

    @Test
    void statementsAreForYearsOfTheTermUpToTheYearAfterItsEnd() {
        Deal ended = withTerms(Fixtures.tiers(), MINIMUM, LocalDate.of(2020, 3, 1), LocalDate.of(2024, 6, 30));

        assertThat(code(ended, statement(2019, 1))).isEqualTo(DealCodes.OUTSIDE_TERM);
        assertThat(Fixtures.accepted(decide(ended, Relation.BUYER, statement(2020, 1)))).isNotNull();
        assertThat(Fixtures.accepted(decide(ended, Relation.BUYER, statement(2025, 1)))).isNotNull();
        assertThat(code(ended, statement(2026, 1))).isEqualTo(DealCodes.OUTSIDE_TERM);
        assertThat(code(ended, new CloseRoyaltyYear(2026))).isEqualTo(DealCodes.OUTSIDE_TERM);
        assertThat(code(ended, new CloseRoyaltyYear(2019))).isEqualTo(DealCodes.OUTSIDE_TERM);
        assertThat(Fixtures.accepted(decide(ended, Relation.BROKER, new CloseRoyaltyYear(2025)))).isNotNull();
    }

    @Test
    void noStatementForAFutureYear() {
        Deal open = withTerms(Fixtures.tiers(), MINIMUM, LocalDate.of(2025, 1, 1), null);

        assertThat(Fixtures.accepted(decide(open, Relation.BUYER, statement(2026, 1)))).isNotNull();
        assertThat(rejection(decide(open, Relation.BUYER, statement(2027, 1))))
                .isEqualTo(DealRejection.unprocessable(DealCodes.OUTSIDE_TERM, "no statement for 2027 before it begins"));
    }

    @Test
    void netSalesAreNotNegative() {
        assertThat(code(registered(), statement(2026, -1))).isEqualTo(DealCodes.INVALID_STATEMENT);
        assertThat(code(registered(), statement(2026, DealLimits.MAX_AMOUNT + 1))).isEqualTo(DealCodes.INVALID_STATEMENT);
        assertThat(Fixtures.accepted(decide(registered(), Relation.BUYER, statement(2026, 0)))).isNotNull();
    }

    @Test
    void aYearHoldsAtMostSixtyStatements() {
        RoyaltyStatement one = new RoyaltyStatement(1, 0, "buyer-1", Fixtures.NOW);
        RoyaltyYear full = new RoyaltyYear(2026, Collections.nCopies(60, one), 60, 0, false, 0);
        Deal deal = DealBuilder.from(registered()).royaltyYears(List.of(full)).build();

        assertThat(code(deal, statement(2026, 1))).isEqualTo(DealCodes.LIMIT_REACHED);
    }

    @Test
    void yearsAreKeptInOrderAndRoyaltiesGoOnAfterClosing() {
        Deal deal = apply(Fixtures.inStage(DealStage.CLOSED), Relation.BUYER, statement(2026, 1_000));
        deal = apply(deal, Relation.BUYER, statement(2025, 1_000));

        assertThat(deal.royaltyYears()).extracting(RoyaltyYear::year).containsExactly(2025, 2026);
        assertThat(deal.stage()).isEqualTo(DealStage.CLOSED);
    }
}
