package io.ttx.vouchers.domain;

import static io.ttx.vouchers.domain.VoucherFixtures.ADMIN_JS;
import static io.ttx.vouchers.domain.VoucherFixtures.ADMIN_ZJ;
import static io.ttx.vouchers.domain.VoucherFixtures.HOLDER_CONTROLLER;
import static io.ttx.vouchers.domain.VoucherFixtures.HOLDER_ORG;
import static io.ttx.vouchers.domain.VoucherFixtures.JIANGSU;
import static io.ttx.vouchers.domain.VoucherFixtures.NOW;
import static io.ttx.vouchers.domain.VoucherFixtures.SHANGHAI;
import static io.ttx.vouchers.domain.VoucherFixtures.TODAY;
import static io.ttx.vouchers.domain.VoucherFixtures.ZHEJIANG;
import static io.ttx.vouchers.domain.VoucherFixtures.accepted;
import static io.ttx.vouchers.domain.VoucherFixtures.agency;
import static io.ttx.vouchers.domain.VoucherFixtures.invoice;
import static io.ttx.vouchers.domain.VoucherFixtures.programme;
import static io.ttx.vouchers.domain.VoucherFixtures.rejected;
import static io.ttx.vouchers.domain.VoucherFixtures.voucher;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Redemption: every check in its order, the subsidy to the fen, approval, and refunds to the voucher or the budget. */
class RedeemingTests {
    static Decision<Redeeming.Redeemed> redeem(Voucher v, AgencyFacts a, RedemptionRequest r) {
        return Redeeming.redeem(v, programme(), a, r, false, TODAY, NOW);
    }

    @ParameterizedTest
    @CsvSource({
        // invoice (fen), ratio 50 %: subsidy = half, half-up
        "100000, 50000", "1, 1", "3, 2", "5, 3", "99999, 50000", "12345679, 6172840"})
    void theSubsidyIsTheRatioTimesTheInvoiceHalfUpToTheFen(long invoice, long subsidy) {
        Redeeming.Redeemed r = accepted(redeem(voucher(20_000_000), agency(ZHEJIANG), invoice("INV-1", invoice, Category.TESTING_INSPECTION)));
        assertThat(r.subsidy()).isEqualTo(subsidy);
        assertThat(r.voucher().redeemed()).isEqualTo(subsidy);
        assertThat(r.voucher().version()).isEqualTo(1);
    }

    @Test
    void theSubsidyIsCappedByWhatRemainsAndThenNothingRemains() {
        Voucher v = voucher(1_000_000);
        Redeeming.Redeemed r = accepted(redeem(v, agency(ZHEJIANG), invoice("INV-1", 5_000_000, Category.TESTING_INSPECTION)));
        assertThat(r.subsidy()).isEqualTo(1_000_000);
        assertThat(r.voucher().remaining()).isZero();
        rejected(redeem(r.voucher(), agency(ZHEJIANG), invoice("INV-2", 100, Category.TESTING_INSPECTION)), VoucherRejection.Kind.CONFLICT,
            VoucherCodes.VOUCHER_EXHAUSTED);
    }

    @Test
    void aSubsidyThatRoundsToZeroIsRefused() {
        ProgrammeDraft d = VoucherFixtures.draft();
        Programme tiny = accepted(Programmes.create("vp-9", new ProgrammeDraft(d.name(), d.region(), d.budget(), d.periodStart(), d.periodEnd(),
            java.util.List.of(new ProgrammeDraft.CategoryRatio(Category.TESTING_INSPECTION, new java.math.BigDecimal("0.1"))),
            d.capPerEnterprisePerYear(), d.capPerControllerPerYear(), d.voucherValidityDays(), d.acceptedProviderRegions(), 0), ADMIN_ZJ, NOW));
        Voucher v = voucher(1_000);
        rejected(Redeeming.redeem(v, tiny, agency(ZHEJIANG), invoice("I", 4, Category.TESTING_INSPECTION), false, TODAY, NOW),
            VoucherRejection.Kind.UNPROCESSABLE, VoucherCodes.SUBSIDY_ZERO);
        assertThat(accepted(Redeeming.redeem(v, tiny, agency(ZHEJIANG), invoice("I", 5, Category.TESTING_INSPECTION), false, TODAY, NOW))
            .subsidy()).isEqualTo(1);
    }

    @Test
    void theChecksComeInTheirOrder() {
        Voucher v = voucher(20_000_000);
        Voucher revoked = accepted(Issuing.revoke(v, ADMIN_ZJ, NOW));
        AgencyFacts shanghai = agency(SHANGHAI);
        RedemptionRequest training = invoice("I", 100_000, Category.TECHNOLOGY_TRANSFER);
        rejected(Redeeming.redeem(revoked, programme(), shanghai, invoice("I", 0, Category.TECHNOLOGY_TRANSFER), true, TODAY, NOW),
            VoucherRejection.Kind.UNPROCESSABLE, VoucherCodes.INVALID_INVOICE);
        rejected(Redeeming.redeem(revoked, programme(), shanghai, training, true, TODAY, NOW), VoucherRejection.Kind.CONFLICT,
            VoucherCodes.VOUCHER_NOT_ACTIVE);
        rejected(Redeeming.redeem(v, programme(), shanghai, training, true, TODAY, NOW), VoucherRejection.Kind.FORBIDDEN,
            VoucherCodes.REGION_NOT_ACCEPTED);
        AgencyFacts own = new AgencyFacts("ag-own", HOLDER_ORG, "c", JIANGSU, Set.of(Category.RD_DESIGN), true);
        rejected(Redeeming.redeem(v, programme(), own, training, true, TODAY, NOW), VoucherRejection.Kind.UNPROCESSABLE,
            VoucherCodes.CATEGORY_NOT_ELIGIBLE);
        RedemptionRequest design = invoice("I", 100_000, Category.RD_DESIGN);
        rejected(Redeeming.redeem(v, programme(), own, design, true, TODAY, NOW), VoucherRejection.Kind.UNPROCESSABLE, VoucherCodes.SELF_DEALING);
        rejected(Redeeming.redeem(v, programme(), agency(JIANGSU), design, true, TODAY, NOW), VoucherRejection.Kind.CONFLICT,
            VoucherCodes.INVOICE_CLAIMED);
        assertThat(accepted(Redeeming.redeem(v, programme(), agency(JIANGSU), design, false, TODAY, NOW)).subsidy()).isEqualTo(40_000);
    }

    @Test
    void validityIsWholeDaysChinaTime() {
        Voucher v = voucher(20_000_000);
        RedemptionRequest r = invoice("I", 100_000, Category.RD_DESIGN);
        assertThat(accepted(Redeeming.redeem(v, programme(), agency(ZHEJIANG), r, false, v.validUntil(), NOW)).subsidy()).isEqualTo(40_000);
        rejected(Redeeming.redeem(v, programme(), agency(ZHEJIANG), r, false, v.validUntil().plusDays(1), NOW), VoucherRejection.Kind.CONFLICT,
            VoucherCodes.VOUCHER_NOT_ACTIVE);
    }

    @Test
    void anAgencyNotAdmittedOrWithoutTheCategoryIsRefused() {
        Voucher v = voucher(20_000_000);
        AgencyFacts underNotice = new AgencyFacts("ag", "91330100MA000000X9", "c", ZHEJIANG, Set.of(Category.RD_DESIGN), false);
        rejected(redeem(v, underNotice, invoice("I", 100, Category.RD_DESIGN)), VoucherRejection.Kind.FORBIDDEN, VoucherCodes.REGION_NOT_ACCEPTED);
        AgencyFacts ipOnly = new AgencyFacts("ag", "91330100MA000000X9", "c", ZHEJIANG, Set.of(Category.IP_SERVICES), true);
        rejected(redeem(v, ipOnly, invoice("I", 100, Category.RD_DESIGN)), VoucherRejection.Kind.UNPROCESSABLE, VoucherCodes.CATEGORY_NOT_ELIGIBLE);
        rejected(redeem(v, agency(ZHEJIANG), invoice("I", 100, Category.IP_SERVICES)), VoucherRejection.Kind.UNPROCESSABLE,
            VoucherCodes.CATEGORY_NOT_ELIGIBLE);
        AgencyFacts sameController = new AgencyFacts("ag", "91330100MA000000X9", HOLDER_CONTROLLER, ZHEJIANG, Set.of(Category.RD_DESIGN), true);
        rejected(redeem(v, sameController, invoice("I", 100, Category.RD_DESIGN)), VoucherRejection.Kind.UNPROCESSABLE, VoucherCodes.SELF_DEALING);
    }

    @Test
    void subsidiesBelowTheThresholdAreApprovedAtOnceTheRestWaitForTheIssuingProvince() {
        Voucher v = voucher(20_000_000);
        assertThat(accepted(redeem(v, agency(ZHEJIANG), invoice("I", 199_998, Category.TESTING_INSPECTION))).status())
            .as("99,999 fen below 100,000").isEqualTo(RedemptionStatus.APPROVED);
        assertThat(accepted(redeem(v, agency(ZHEJIANG), invoice("I", 199_999, Category.TESTING_INSPECTION))).status())
            .as("100,000 fen, not below").isEqualTo(RedemptionStatus.SUBMITTED);
        rejected(Redeeming.decide(ZHEJIANG, RedemptionStatus.SUBMITTED, ADMIN_JS, true), VoucherRejection.Kind.FORBIDDEN, VoucherCodes.FORBIDDEN);
        assertThat(accepted(Redeeming.decide(ZHEJIANG, RedemptionStatus.SUBMITTED, ADMIN_ZJ, true))).isEqualTo(RedemptionStatus.APPROVED);
        assertThat(accepted(Redeeming.decide(ZHEJIANG, RedemptionStatus.SUBMITTED, ADMIN_ZJ, false))).isEqualTo(RedemptionStatus.REJECTED);
        for (RedemptionStatus s : new RedemptionStatus[] {RedemptionStatus.APPROVED, RedemptionStatus.REJECTED, RedemptionStatus.SETTLED}) {
            rejected(Redeeming.decide(ZHEJIANG, s, ADMIN_ZJ, true), VoucherRejection.Kind.CONFLICT, VoucherCodes.REDEMPTION_DECIDED);
        }
    }

    @Test
    void aRejectedSubsidyGoesBackToAnActiveVoucherOrStraightToTheBudget() {
        Redeeming.Redeemed r = accepted(redeem(voucher(20_000_000), agency(ZHEJIANG), invoice("I", 2_000_000, Category.TESTING_INSPECTION)));
        Redeeming.Refund back = Redeeming.refund(r.voucher(), r.subsidy(), NOW);
        assertThat(back.toBudget()).isZero();
        assertThat(back.voucher().redeemed()).isZero();
        assertThat(back.voucher().remaining()).isEqualTo(20_000_000);
        Voucher expired = Issuing.expire(r.voucher(), r.voucher().validUntil().plusDays(1), NOW);
        assertThat(expired.returnedValue()).isEqualTo(19_000_000);
        Redeeming.Refund late = Redeeming.refund(expired, r.subsidy(), NOW);
        assertThat(late.toBudget()).isEqualTo(1_000_000);
        assertThat(late.voucher().returnedValue()).isEqualTo(20_000_000);
        assertThat(late.voucher().redeemed()).isZero();
        assertThat(late.voucher().status()).isEqualTo(VoucherStatus.EXPIRED);
    }

    /** A programme paying technology transfer at 30 %, and a transfer centre admitted for it in Jiangsu. */
    static Programme transfers() {
        ProgrammeDraft d = VoucherFixtures.draft();
        return accepted(Programmes.create("vp-tt", new ProgrammeDraft(d.name(), d.region(), d.budget(), d.periodStart(), d.periodEnd(),
            java.util.List.of(new ProgrammeDraft.CategoryRatio(Category.TECHNOLOGY_TRANSFER, new java.math.BigDecimal("0.3"))),
            d.capPerEnterprisePerYear(), d.capPerControllerPerYear(), d.voucherValidityDays(), d.acceptedProviderRegions(), 0), ADMIN_ZJ, NOW));
    }

    static final AgencyFacts CENTRE = new AgencyFacts("ag-tt", "52320100MJ0000001X", "ctrl-centre", JIANGSU, Set.of(Category.TECHNOLOGY_TRANSFER),
        true);

    static RedemptionRequest transfer(String dealId) {
        return new RedemptionRequest("INV-T", 100_000, Category.TECHNOLOGY_TRANSFER, "licence brokered", dealId);
    }

    @ParameterizedTest
    @CsvSource({
        // stage, buyer is the holder, broker is the agency, deal known -> accepted
        "REGISTERED, true, true, true, true",
        "CLOSED, true, true, true, true",
        "SIGNED, true, true, true, false",
        "NEGOTIATION, true, true, true, false",
        "REGISTERED, false, true, true, false",
        "REGISTERED, true, false, true, false",
        "REGISTERED, true, true, false, false"})
    void aNamedDealMustBeARegisteredOrClosedTransferOfTheHolderBrokeredByTheAgency(String stage, boolean holderBuys, boolean agencyBrokers,
                                                                                  boolean known, boolean ok) {
        Voucher v = voucher(20_000_000);
        DealFacts deal = known ? new DealFacts("deal-1", stage, holderBuys ? HOLDER_ORG : "91330100MA0000009X", agencyBrokers ? CENTRE.org() : "52330100MJ0000002X")
            : null;
        Decision<Redeeming.Redeemed> d = Redeeming.redeem(v, transfers(), CENTRE, transfer("deal-1"), deal, false, TODAY, NOW);
        if (ok) assertThat(accepted(d).subsidy()).isEqualTo(30_000);
        else rejected(d, VoucherRejection.Kind.UNPROCESSABLE, VoucherCodes.DEAL_NOT_ELIGIBLE);
    }

    @Test
    void aDealIsNotEligibleForAnotherCategoryNorUnderAnotherId() {
        Voucher v = voucher(20_000_000);
        DealFacts deal = new DealFacts("deal-1", "REGISTERED", HOLDER_ORG, CENTRE.org());
        AgencyFacts both = new AgencyFacts("ag-tt", CENTRE.org(), "ctrl-centre", JIANGSU, Set.of(Category.TECHNOLOGY_TRANSFER, Category.RD_DESIGN), true);
        rejected(Redeeming.redeem(v, programme(), both, new RedemptionRequest("I", 100_000, Category.RD_DESIGN, "d", "deal-1"), deal, false, TODAY, NOW),
            VoucherRejection.Kind.UNPROCESSABLE, VoucherCodes.DEAL_NOT_ELIGIBLE);
        rejected(Redeeming.redeem(v, transfers(), CENTRE, transfer("deal-2"), deal, false, TODAY, NOW), VoucherRejection.Kind.UNPROCESSABLE,
            VoucherCodes.DEAL_NOT_ELIGIBLE);
        // after self-dealing, before the invoice
        AgencyFacts own = new AgencyFacts("ag-own", HOLDER_ORG, "c", JIANGSU, Set.of(Category.TECHNOLOGY_TRANSFER), true);
        rejected(Redeeming.redeem(v, transfers(), own, transfer("deal-2"), deal, true, TODAY, NOW), VoucherRejection.Kind.UNPROCESSABLE,
            VoucherCodes.SELF_DEALING);
        rejected(Redeeming.redeem(v, transfers(), CENTRE, transfer("deal-2"), deal, true, TODAY, NOW), VoucherRejection.Kind.UNPROCESSABLE,
            VoucherCodes.DEAL_NOT_ELIGIBLE);
        rejected(Redeeming.redeem(v, transfers(), CENTRE, transfer("deal-1"), deal, true, TODAY, NOW), VoucherRejection.Kind.CONFLICT,
            VoucherCodes.INVOICE_CLAIMED);
    }
}
