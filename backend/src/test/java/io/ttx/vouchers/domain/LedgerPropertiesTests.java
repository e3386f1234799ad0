package io.ttx.vouchers.domain;

import static io.ttx.vouchers.domain.VoucherFixtures.ADMIN_ZJ;
import static io.ttx.vouchers.domain.VoucherFixtures.HOLDER_CONTROLLER;
import static io.ttx.vouchers.domain.VoucherFixtures.JIANGSU;
import static io.ttx.vouchers.domain.VoucherFixtures.NOW;
import static io.ttx.vouchers.domain.VoucherFixtures.TODAY;
import static io.ttx.vouchers.domain.VoucherFixtures.ZHEJIANG;
import static io.ttx.vouchers.domain.VoucherFixtures.agency;
import static io.ttx.vouchers.domain.VoucherFixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ledger's invariants as properties: 500 random histories (issuing, redeeming, rejecting, expiring, revoking, over
 * random days) of one programme, each step through the domain's rules and the counter updates the service makes. After
 * every step: no voucher's redeemed value above its face value, each voucher's ledger sums to its redeemed value, the
 * programme never issued more than its budget plus what came back, and what came back equals the vouchers' returns.
 */
class LedgerPropertiesTests {
    private static final int HISTORIES = 500;
    private static final int STEPS = 120;

    private record Held(Voucher voucher, List<LedgerEntry> ledger, List<long[]> live) { }

    @Test
    void noHistoryOverspendsAVoucherOrTheBudgetAndLedgersAddUp() {
        for (int h = 0; h < HISTORIES; h++) {
            Random random = new Random(h);
            Programme p = VoucherFixtures.programme();
            long budget = 1 + random.nextInt(5_000_000);
            long issued = 0;
            long returned = 0;
            List<Held> vouchers = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                java.time.LocalDate day = TODAY.minusDays(200).plusDays(step * 3L);
                Programme now = new Programme(p.id(), p.name(), p.region(), budget, p.periodStart().minusYears(1), p.periodEnd().plusYears(1), p.subsidyRatios(),
                    Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, 1 + random.nextInt(60), p.acceptedProviderRegions(), random.nextInt(3) * 10_000L,
                    issued, 0, returned, p.createdBy(), p.createdAt(), step);
                int op = random.nextInt(5);
                if (op == 0 || vouchers.isEmpty()) {
                    long face = 1 + random.nextInt(2_000_000);
                    Decision<Voucher> d = Issuing.issue("v-" + step, now, new Issuing.IssueRequest("91330100MA00000" + (step % 9) + "9X",
                        HOLDER_CONTROLLER, face), ADMIN_ZJ, new Issuing.YearSoFar(0, 0), day, NOW);
                    if (d instanceof Decision.Accepted<Voucher> a) {
                        issued += face;
                        List<LedgerEntry> ledger = new ArrayList<>();
                        ledger.add(new LedgerEntry(LedgerEntry.Type.ISSUED, face, "k-" + step, null, "ra-zj", NOW, null));
                        vouchers.add(new Held(a.value(), ledger, new ArrayList<>()));
                    } else {
                        assertThat(face).as("refused only when the budget is short").isGreaterThan(now.available());
                    }
                } else {
                    int i = random.nextInt(vouchers.size());
                    Held held = vouchers.get(i);
                    Voucher v = held.voucher();
                    List<LedgerEntry> ledger = held.ledger();
                    if (op == 1 || op == 2) {
                        long amount = 1 + random.nextInt(3_000_000);
                        Decision<Redeeming.Redeemed> d = Redeeming.redeem(v, now, agency(random.nextBoolean() ? ZHEJIANG : JIANGSU),
                            invoice("I-" + step, amount, Category.TESTING_INSPECTION), false, day, NOW);
                        if (d instanceof Decision.Accepted<Redeeming.Redeemed> a) {
                            v = a.value().voucher();
                            ledger.add(new LedgerEntry(LedgerEntry.Type.REDEEMED, a.value().subsidy(), "k-" + step, "r-" + step,
                                "agency", NOW, null));
                            held.live().add(new long[] {a.value().subsidy()});
                        }
                    } else if (op == 3 && !held.live().isEmpty()) {
                        long subsidy = held.live().remove(random.nextInt(held.live().size()))[0];
                        Redeeming.Refund r = Redeeming.refund(v, subsidy, NOW);
                        v = r.voucher();
                        returned += r.toBudget();
                        ledger.add(new LedgerEntry(LedgerEntry.Type.REFUNDED, subsidy, "k-" + step, "r", "ra-zj", NOW, null));
                    } else if (op == 4) {
                        if (v.isDueToExpire(day)) {
                            v = Issuing.expire(v, day, NOW);
                            returned += v.remaining();
                            ledger.add(new LedgerEntry(LedgerEntry.Type.EXPIRED, v.remaining(), "k-" + step, null, "sweep", NOW, null));
                        } else if (random.nextInt(4) == 0 && Issuing.revoke(v, ADMIN_ZJ, NOW) instanceof Decision.Accepted<Voucher> a) {
                            v = a.value();
                            returned += v.remaining();
                            ledger.add(new LedgerEntry(LedgerEntry.Type.REVOKED, v.remaining(), "k-" + step, null, "ra-zj", NOW, null));
                        }
                    }
                    vouchers.set(i, new Held(v, ledger, held.live()));
                }
                long returnedByVouchers = 0;
                for (Held x : vouchers) {
                    assertThat(x.voucher().redeemed()).isBetween(0L, x.voucher().faceValue());
                    assertThat(LedgerEntry.redeemed(x.ledger())).isEqualTo(x.voucher().redeemed());
                    assertThat(LedgerEntry.lines(x.ledger()).getLast().redeemedAfter()).isEqualTo(x.voucher().redeemed());
                    assertThat(x.voucher().redeemed()).isEqualTo(x.live().stream().mapToLong(s -> s[0]).sum());
                    returnedByVouchers += x.voucher().returnedValue();
                }
                assertThat(issued - returned).as("history %d step %d", h, step).isLessThanOrEqualTo(budget);
                assertThat(returned).isEqualTo(returnedByVouchers);
            }
        }
    }
}
