package io.ttx.vouchers.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** The rules of issuing, expiring and revoking vouchers. */
public final class Issuing {
    private Issuing() { }

    /** What a region admin asks for (the face value in fen). */
    public record IssueRequest(String holderOrg, String holderController, long faceValue) {
        public IssueRequest {
            Objects.requireNonNull(holderOrg, "holderOrg");
            Objects.requireNonNull(holderController, "holderController");
        }
    }

    /**
     * What the holder and its controller were issued this calendar year by the programme (face value, fen), before this
     * voucher: the caller reads (and then reserves atomically) the yearly cap counters.
     */
    public record YearSoFar(long holder, long controller) { }

    /**
     * A new ACTIVE voucher, valid from {@code today} for the programme's validity days. Checks in order: the caller a
     * region admin of the programme's province (403), the face value above zero (422 invalid-face-value), the
     * programme's period (409 programme-not-open), the budget (409 budget-exhausted: available below the face value),
     * the yearly caps per holder and per controller on face value issued (409 cap-exceeded).
     */
    public static Decision<Voucher> issue(String id, Programme p, IssueRequest r, Caller caller, YearSoFar year, LocalDate today, Instant now) {
        return Decision.of(() -> {
            if (!caller.administers(p.region())) throw Refused.forbidden(VoucherCodes.FORBIDDEN, "only a region admin of " + p.region() + " issues its vouchers");
            if (r.faceValue() <= 0 || !VoucherLimits.isAmount(r.faceValue())) {
                throw Refused.unprocessable(VoucherCodes.INVALID_FACE_VALUE, "the face value lies above zero, at most 10^13 yuan");
            }
            if (!p.isOpenOn(today)) throw Refused.conflict(VoucherCodes.PROGRAMME_NOT_OPEN, "the programme issues from " + p.periodStart() + " to " + p.periodEnd());
            if (p.available() < r.faceValue()) throw Refused.conflict(VoucherCodes.BUDGET_EXHAUSTED, "the programme has " + Fen.format(p.available()) + " left");
            if (exceeds(year.holder(), r.faceValue(), p.capPerEnterprisePerYear())) {
                throw Refused.conflict(VoucherCodes.CAP_EXCEEDED, "the holder's vouchers this year would pass " + Fen.format(p.capPerEnterprisePerYear()));
            }
            if (exceeds(year.controller(), r.faceValue(), p.capPerControllerPerYear())) {
                throw Refused.conflict(VoucherCodes.CAP_EXCEEDED, "the controller's vouchers this year would pass " + Fen.format(p.capPerControllerPerYear()));
            }
            return new Voucher(id, p.id(), p.region(), r.holderOrg(), r.holderController(), r.faceValue(), 0, today,
                today.plusDays(p.voucherValidityDays() - 1L), VoucherStatus.ACTIVE, 0, caller.subject(), now, now, 0);
        });
    }

    /** Whether {@code used + face} passes {@code cap} (never overflowing). */
    public static boolean exceeds(long used, long face, long cap) {
        return face > cap - used;
    }

    /** An ACTIVE voucher past its last valid day: EXPIRED, its remainder returned to the budget (once). */
    public static Voucher expire(Voucher v, LocalDate today, Instant now) {
        if (!v.isDueToExpire(today)) throw new IllegalStateException("voucher " + v.id() + " is not due to expire");
        return v.with(VoucherStatus.EXPIRED, v.redeemed(), v.remaining(), now);
    }

    /** Revokes an ACTIVE voucher (the issuing province's region admin, 403; 409 voucher-not-active): its remainder returns. */
    public static Decision<Voucher> revoke(Voucher v, Caller caller, Instant now) {
        return Decision.of(() -> {
            if (!caller.administers(v.issuerRegion())) throw Refused.forbidden(VoucherCodes.FORBIDDEN, "only a region admin of " + v.issuerRegion() + " revokes it");
            if (v.status() != VoucherStatus.ACTIVE) throw Refused.conflict(VoucherCodes.VOUCHER_NOT_ACTIVE, "the voucher is " + v.status());
            return v.with(VoucherStatus.REVOKED, v.redeemed(), v.remaining(), now);
        });
    }
}
