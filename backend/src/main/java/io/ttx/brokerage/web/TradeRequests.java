package io.ttx.brokerage.web;

import io.ttx.brokerage.Auctions;
import io.ttx.brokerage.domain.TermSheet;
import io.ttx.brokerage.domain.TradeLimits;
import io.ttx.brokerage.web.DealRequests.Errors;
import io.ttx.brokerage.web.DealRequests.TermSheetInput;
import io.ttx.catalogue.Money;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.web.FieldErrors;
import io.ttx.shared.web.IdempotencyKeys;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The JSON bodies of the auction and tender routes, bounded and parsed before anything is read: 400 naming every
 * missing or malformed member, 422 for an amount that is not a CNY decimal (the deals' money rules).
 */
final class TradeRequests {
    /** The longest id a body or query names. */
    static final int MAX_ID = 64;
    /** An Idempotency-Key: 1 to 200 visible ASCII characters. */
    static final int MAX_KEY = IdempotencyKeys.MAX;

    private TradeRequests() { }

    record ScheduleAuctionRequest(@Nullable String achievementId, @Nullable Money startingPrice, @Nullable Money reservePrice,
                                  @Nullable Money increment, @Nullable Instant opensAt, @Nullable Instant closesAt,
                                  @Nullable Integer antiSnipingSeconds, @Nullable TermSheetInput termSheet) { }

    record BidRequest(@Nullable Money amount) { }

    record InviteTendersRequest(@Nullable String achievementId, @Nullable Money minimumPrice, @Nullable Instant closesAt,
                                @Nullable TermSheetInput termSheet) { }

    record OfferRequest(@Nullable Money amount, @Nullable String proposal) { }

    record AwardRequest(@Nullable String offerId) { }

    static Auctions.Schedule schedule(ScheduleAuctionRequest r) {
        Errors e = new Errors();
        String achievementId = e.text("achievementId", r.achievementId(), MAX_ID);
        Long starting = e.money("startingPrice", r.startingPrice(), true);
        Long reserve = e.money("reservePrice", r.reservePrice(), true);
        Long increment = e.money("increment", r.increment(), true);
        Instant opens = e.required("opensAt", r.opensAt());
        Instant closes = e.required("closesAt", r.closesAt());
        Integer anti = e.required("antiSnipingSeconds", r.antiSnipingSeconds());
        TermSheet sheet = termSheet(r.termSheet(), e);
        if (!e.ok() || achievementId == null || starting == null || reserve == null || increment == null || opens == null || closes == null
            || anti == null || sheet == null) {
            throw e.failure();
        }
        return new Auctions.Schedule(achievementId, starting, reserve, increment, opens, closes, anti, sheet);
    }

    static long bid(BidRequest r) {
        Errors e = new Errors();
        Long amount = e.money("amount", r.amount(), true);
        if (!e.ok() || amount == null) throw e.failure();
        return amount;
    }

    /** An Idempotency-Key header: required, 1 to {@value #MAX_KEY} visible ASCII characters. */
    static String key(@Nullable String key) {
        return IdempotencyKeys.required(key, "each bid");
    }

    record Invitation(String achievementId, @Nullable Long minimumPrice, Instant closesAt, TermSheet termSheet) { }

    static Invitation invitation(InviteTendersRequest r) {
        Errors e = new Errors();
        String achievementId = e.text("achievementId", r.achievementId(), MAX_ID);
        Long minimum = e.money("minimumPrice", r.minimumPrice(), false);
        Instant closes = e.required("closesAt", r.closesAt());
        TermSheet sheet = termSheet(r.termSheet(), e);
        if (!e.ok() || achievementId == null || closes == null || sheet == null) throw e.failure();
        return new Invitation(achievementId, minimum, closes, sheet);
    }

    record Offer(long amount, String proposal) { }

    static Offer offer(OfferRequest r) {
        Errors e = new Errors();
        Long amount = e.money("amount", r.amount(), true);
        String proposal = e.text("proposal", r.proposal(), TradeLimits.PROPOSAL);
        if (!e.ok() || amount == null || proposal == null) throw e.failure();
        return new Offer(amount, proposal);
    }

    static String offerId(AwardRequest r) {
        Errors e = new Errors();
        String id = e.text("offerId", r.offerId(), MAX_ID * 2);
        if (!e.ok() || id == null) throw e.failure();
        return id;
    }

    static @Nullable String achievementFilter(@Nullable String achievementId) {
        if (achievementId != null && achievementId.length() > MAX_ID) throw invalid("achievementId", "too-long", "at most " + MAX_ID + " characters");
        return achievementId;
    }

    private static @Nullable TermSheet termSheet(@Nullable TermSheetInput t, Errors e) {
        TermSheetInput input = e.required("termSheet", t);
        return input == null ? null : DealRequests.termSheet(input, e);
    }

    private static MalformedInput invalid(String field, String code, String message) {
        return new MalformedInput(List.of(FieldErrors.of(field, code, message)));
    }
}
