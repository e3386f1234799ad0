package io.ttx.brokerage.domain;

import java.time.Duration;

/** The bounds of auctions and tenders: each is one stored document, and its dates lie within reach. */
public final class TradeLimits {
    /** Accepted bids of one auction (each at least one increment above the last). */
    public static final int BIDS = 1_000;
    /** How far ahead an auction may open or a tender close. */
    public static final Duration LEAD = Duration.ofDays(365);
    /** The longest an auction may run. */
    public static final Duration RUN = Duration.ofDays(90);
    /** The longest extension a late bid may cause. */
    public static final int ANTI_SNIPING_SECONDS = 3_600;
    /** An offer's proposal, in code points (web layer). */
    public static final int PROPOSAL = 4_000;

    private TradeLimits() { }
}
