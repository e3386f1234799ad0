package io.ttx.vouchers.domain;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The rules of redeeming a voucher, of deciding a redemption and of giving a rejected subsidy back. */
public final class Redeeming {
    private Redeeming() { }

    /** An accepted redemption: the voucher after the debit, the subsidy and the redemption's first status. */
    public record Redeemed(Voucher voucher, long subsidy, RedemptionStatus status) { }

    /**
     * Redeems {@code r} on the voucher for the agency. Checks in this order: the invoice amount (422 invalid-invoice:
     * above zero, bounded), the voucher ACTIVE and within its validity (409 voucher-not-active), the agency admitted in a
     * province the programme accepts (403 region-not-accepted), the category in the programme and in the agency's
     * admission (422 category-not-eligible), not self-dealing (422: the agency's organisation or controller is the
     * holder's), a named deal fitting (422 deal-not-eligible: REGISTERED or CLOSED, bought by the holder, brokered by
     * the agency's organisation, category TECHNOLOGY_TRANSFER), the invoice not claimed by a live redemption (409 invoice-claimed, as the caller found it), the
     * subsidy ratio x invoice amount rounding above 0.00 (422 subsidy-zero), something remaining (409
     * voucher-exhausted). The subsidy is min(ratio x invoice half-up, remaining); the redemption is APPROVED at once when
     * the subsidy is below the programme's autoApproveBelow, else SUBMITTED.
     */
    public static Decision<Redeemed> redeem(Voucher v, Programme p, AgencyFacts agency, RedemptionRequest r, @Nullable DealFacts deal,
                                            boolean invoiceClaimed, LocalDate today, Instant now) {
        return Decision.of(() -> {
            if (r.invoiceAmount() <= 0 || !VoucherLimits.isAmount(r.invoiceAmount())) {
                throw Refused.unprocessable(VoucherCodes.INVALID_INVOICE, "the invoice amount lies above zero, at most 10^13 yuan");
            }
            if (!v.isUsableOn(today)) throw Refused.conflict(VoucherCodes.VOUCHER_NOT_ACTIVE, "the voucher is " + v.status() + ", valid "
                + v.validFrom() + " to " + v.validUntil());
            if (!agency.admitted() || !p.accepts(agency.province())) {
                throw Refused.forbidden(VoucherCodes.REGION_NOT_ACCEPTED, "the programme does not accept agencies admitted in " + agency.province());
            }
            BigDecimal ratio = p.subsidyRatios().get(r.category());
            if (ratio == null || !agency.categories().contains(r.category())) {
                throw Refused.unprocessable(VoucherCodes.CATEGORY_NOT_ELIGIBLE, r.category() + " is not in the programme or the agency's admission");
            }
            if (agency.org().equals(v.holderOrg()) || agency.controller().equals(v.holderController())) {
                throw Refused.unprocessable(VoucherCodes.SELF_DEALING, "the agency and the holder share an organisation or a controller");
            }
            if (r.dealId() != null && (deal == null || !deal.id().equals(r.dealId()) || r.category() != Category.TECHNOLOGY_TRANSFER
                || !deal.fits(v.holderOrg(), agency.org()))) {
                throw Refused.unprocessable(VoucherCodes.DEAL_NOT_ELIGIBLE, "deal " + r.dealId()
                    + " is not a registered or closed technology transfer bought by the holder and brokered by the agency");
            }
            if (invoiceClaimed) throw Refused.conflict(VoucherCodes.INVOICE_CLAIMED, "invoice " + r.invoiceNumber() + " is claimed by another redemption");
            long full = Fen.times(ratio, r.invoiceAmount());
            if (full == 0) throw Refused.unprocessable(VoucherCodes.SUBSIDY_ZERO, "the subsidy rounds to 0.00");
            if (v.remaining() == 0) throw Refused.conflict(VoucherCodes.VOUCHER_EXHAUSTED, "nothing remains on the voucher");
            long subsidy = Math.min(full, v.remaining());
            RedemptionStatus status = subsidy < p.autoApproveBelow() ? RedemptionStatus.APPROVED : RedemptionStatus.SUBMITTED;
            return new Redeemed(v.with(v.status(), v.redeemed() + subsidy, v.returnedValue(), now), subsidy, status);
        });
    }

    /** {@link #redeem} of a request naming no deal. */
    public static Decision<Redeemed> redeem(Voucher v, Programme p, AgencyFacts agency, RedemptionRequest r, boolean invoiceClaimed,
                                            LocalDate today, Instant now) {
        return redeem(v, p, agency, r, null, invoiceClaimed, today, now);
    }

    /**
     * A region admin of the issuing province decides a SUBMITTED redemption (403 otherwise; 409 redemption-decided when it
     * is not SUBMITTED): APPROVED or REJECTED.
     */
    public static Decision<RedemptionStatus> decide(String issuerRegion, RedemptionStatus current, Caller caller, boolean approve) {
        return Decision.of(() -> {
            if (!caller.administers(issuerRegion)) throw Refused.forbidden(VoucherCodes.FORBIDDEN, "only a region admin of " + issuerRegion + " decides");
            if (current != RedemptionStatus.SUBMITTED) throw Refused.conflict(VoucherCodes.REDEMPTION_DECIDED, "the redemption is " + current);
            return approve ? RedemptionStatus.APPROVED : RedemptionStatus.REJECTED;
        });
    }

    /** A rejected subsidy given back: to the voucher while it is ACTIVE, else straight to the programme's budget. */
    public record Refund(Voucher voucher, long toBudget) { }

    public static Refund refund(Voucher v, long subsidy, Instant now) {
        if (subsidy <= 0 || subsidy > v.redeemed()) throw new IllegalArgumentException("a refund lies in (0, redeemed]");
        boolean active = v.status() == VoucherStatus.ACTIVE;
        long toBudget = active ? 0 : subsidy;
        return new Refund(v.with(v.status(), v.redeemed() - subsidy, v.returnedValue() + toBudget, now), toBudget);
    }
}
