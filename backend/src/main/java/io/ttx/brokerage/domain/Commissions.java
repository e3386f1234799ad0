package io.ttx.brokerage.domain;

import java.math.BigDecimal;

/**
 * The platform's commission: the rate times the contract value when the contract is signed, then the same rate times
 * each royalty due and true-up as it arises, each amount rounded half-up to the fen on its own (0.05 x 12345 fen =
 * 617.25 -> 617; 0.05 x 12350 fen = 617.5 -> 618). The deal's commission is the sum so far.
 */
public final class Commissions {

    private Commissions() {
    }

    /** {@code rate} x {@code amount} fen, half-up to the fen. */
    public static long of(BigDecimal rate, long amount) {
        return Fen.round(rate.multiply(BigDecimal.valueOf(amount)));
    }
}
