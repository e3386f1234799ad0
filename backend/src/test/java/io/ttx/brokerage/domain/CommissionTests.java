package io.ttx.brokerage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttx.brokerage.domain.DealCommand.FileRoyaltyStatement;
import io.ttx.brokerage.domain.DealCommand.SignContract;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Commission: rate x amount, half-up to the fen, each amount on its own. */
class CommissionTests {

    @ParameterizedTest(name = "{0} x {1} fen = {2}")
    @CsvSource({
        // 0.05 x 12345 = 617.25 -> 617
        "0.05, 12345, 617",
        // 0.05 x 12350 = 617.5 -> 618 (half-up)
        "0.05, 12350, 618",
        // 0.033 x 12345 = 407.385 -> 407
        "0.033, 12345, 407",
        // 0.05 x 1 = 0.05 -> 0; 0.5 x 1 = 0.5 -> 1
        "0.05, 1, 0",
        "0.5, 1, 1",
        "0, 999999, 0",
        "1, 999999, 999999",
        // 0.05 x 10^15 = 5 x 10^13
        "0.05, 1000000000000000, 50000000000000"
    })
    void roundsHalfUpToTheFen(String rate, long amount, long expected) {
        assertThat(Commissions.of(new BigDecimal(rate), amount)).isEqualTo(expected);
    }

    @Test
    void theContractsRateStaysForLaterRoyalties() {
        Deal agreed = DealBuilder.from(Fixtures.inStage(DealStage.TERMS_AGREED)).contractSignedBy(Set.of(Side.BUYER))
                .build();
        DealRules atSigning = new DealRules(new BigDecimal("0.05"), false, null, Set.of(), false);
        DealRules later = new DealRules(new BigDecimal("0.10"), false, null, Set.of(), false);

        Deal signed = Fixtures.accepted(Fixtures.decide(agreed, Relation.SELLER_TTO, new SignContract(), atSigning));
        Deal registered = DealBuilder.from(signed).stage(DealStage.REGISTERED).build();
        Deal filed = Fixtures.accepted(Fixtures.decide(registered, Relation.BUYER,
                new FileRoyaltyStatement(2026, 12_345_000, false), later));

        // contract: 0.05 x 150,000,000 = 7,500,000
        // statement: due R(12,345,000) = 0.05 x 10,000,000 + 0.03 x 2,345,000 = 500,000 + 70,350 = 570,350;
        // commission at the contract's 0.05: 28,517.5 -> 28,518 (not 0.10)
        assertThat(signed.commission()).isEqualTo(7_500_000);
        assertThat(filed.royaltyYear(2026).orElseThrow().due()).isEqualTo(570_350);
        assertThat(filed.commission()).isEqualTo(7_500_000 + 28_518);
    }

    @Test
    void aDueAndItsTrueUpAreRoundedSeparately() {
        TermSheet terms = new TermSheet(TransferMode.ORDINARY_LICENCE, List.of("*"), List.of("CN"),
                Fixtures.TODAY.withDayOfYear(1), null, false, 0, List.of(), List.of(new RoyaltyTier(null, BigDecimal.ONE)),
                20L, null);
        Deal deal = DealBuilder.from(Fixtures.inStage(DealStage.REGISTERED)).agreedTerms(terms).build();
        long before = deal.commission();

        Deal closed = Fixtures.accepted(Fixtures.decide(deal, Relation.BUYER, new FileRoyaltyStatement(2026, 10, true)));

        // due 1 x 10 = 10, true-up 20 - 10 = 10: 0.05 x 10 = 0.5 -> 1 for each, 2 in all (0.05 x 20 = 1 would be 1)
        assertThat(closed.royaltyYear(2026).orElseThrow().trueUp()).isEqualTo(10);
        assertThat(closed.commission()).isEqualTo(before + 2);
    }
}
