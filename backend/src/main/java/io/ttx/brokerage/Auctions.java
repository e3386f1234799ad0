package io.ttx.brokerage;

import io.ttx.brokerage.domain.Auction;
import io.ttx.brokerage.domain.AuctionBid;
import io.ttx.brokerage.domain.AuctionPlan;
import io.ttx.brokerage.domain.Bidding;
import io.ttx.brokerage.domain.Caller;
import io.ttx.brokerage.domain.DealCodes;
import io.ttx.brokerage.domain.DealRejection;
import io.ttx.brokerage.domain.TermSheet;
import io.ttx.brokerage.domain.TradeDecision;
import io.ttx.brokerage.persistence.AuctionDocument;
import io.ttx.brokerage.persistence.AuctionStore;
import io.ttx.brokerage.persistence.BidKeyDocument;
import io.ttx.brokerage.persistence.BidKeyStore;
import io.ttx.catalogue.Achievements;
import io.ttx.catalogue.DealFacts;
import io.ttx.catalogue.ListingStatus;
import io.ttx.catalogue.TradeMethod;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.shared.DomainException;
import io.ttx.shared.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Auctions (module API): scheduling, reading, bidding, cancelling. A bid is decided by one conditional write of the
 * auction on the version read, so concurrent bids are decided one at a time (a bid that lost the race is decided again
 * on the newer state: accepted if still high enough, else 422 bid-too-low). Its idempotency key is owned by one
 * request at a time and keeps the outcome, so a replay answers the original result. {@link AuctionCloser} closes them.
 */
@Service
public class Auctions {
    static final String ID_PREFIX = "auc";
    /** How long a replay waits for the request that owns its key before taking the decision over. */
    private static final Duration KEY_PATIENCE = Duration.ofSeconds(5);
    private static final Duration KEY_POLL = Duration.ofMillis(50);
    /** Lost races a bid retries (each loss means another bid was accepted, so 1,000 bids end any auction's contention). */
    private static final int RACES = 1_000;

    private final AuctionStore auctions;
    private final BidKeyStore keys;
    private final TradeSlots slots;
    private final Achievements achievements;
    private final BrokerageProperties props;
    private final Clock clock;

    Auctions(AuctionStore auctions, BidKeyStore keys, TradeSlots slots, Achievements achievements, BrokerageProperties props, Clock clock) {
        this.auctions = auctions;
        this.keys = keys;
        this.slots = slots;
        this.achievements = achievements;
        this.props = props;
        this.clock = clock;
    }

    /** The terms of a new auction; amounts in fen (the web layer parsed them). */
    public record Schedule(String achievementId, long startingPrice, long reservePrice, long increment, Instant opensAt,
                           Instant closesAt, int antiSnipingSeconds, TermSheet termSheet) { }

    /**
     * Schedules an auction. Checks in order: the achievement visible (404), the caller and the content (403, 422, see
     * {@link Bidding#schedule}), the listing PUBLISHED (409 listing-not-open) with the trade method AUCTION (409
     * trade-method), no other live auction or tender on it (409 auction-exists).
     */
    public Mono<AuctionView> schedule(CurrentUser user, Schedule s) {
        return achievements.dealFacts(user, s.achievementId()).flatMap(facts -> {
            Instant now = clock.instant();
            String id = Ids.next(ID_PREFIX, now);
            Caller caller = DealCallers.of(user);
            AuctionPlan plan = new AuctionPlan(s.achievementId(), facts.ownerOrg(), s.startingPrice(), s.reservePrice(), s.increment(),
                s.opensAt(), s.closesAt(), s.antiSnipingSeconds(), s.termSheet());
            Auction auction = decided(Bidding.schedule(id, plan, caller, Brokerage.rules(facts, props), now));
            requireOpen(facts, TradeMethod.AUCTION);
            return slots.take(s.achievementId(), id).flatMap(taken -> taken
                ? auctions.insert(AuctionDocument.of(auction, false))
                    .onErrorResume(e -> slots.release(s.achievementId(), id).then(Mono.error(e)))
                    .map(d -> AuctionView.of(d.auction(), true, now))
                : Mono.error(DealProblem.conflict(DealCodes.AUCTION_EXISTS, "Achievement " + s.achievementId()
                    + " already has a live auction or tender.")));
        });
    }

    /** The listing must be PUBLISHED (409 listing-not-open) and traded by {@code method} (409 trade-method). */
    static void requireOpen(DealFacts facts, TradeMethod method) {
        if (facts.status() != ListingStatus.PUBLISHED) {
            throw DealProblem.conflict("listing-not-open", "Achievement " + facts.id() + " is " + facts.status() + ", not open for trade.");
        }
        if (facts.tradeMethod() != method) {
            throw DealProblem.conflict(DealCodes.TRADE_METHOD, "Achievement " + facts.id() + " is traded by "
                + (facts.tradeMethod() == null ? "no declared method" : facts.tradeMethod()) + ", not " + method + ".");
        }
    }

    /** Any authenticated caller reads an auction (404 when there is none). */
    public Mono<AuctionView> get(CurrentUser user, String id) {
        return find(id).map(d -> AuctionView.of(d.auction(), Bidding.seesBidders(d.auction(), DealCallers.of(user)), clock.instant()));
    }

    /** Newest first, optionally of one achievement. */
    public Mono<List<AuctionView>> list(CurrentUser user, @Nullable String achievementId, @Nullable String before, int size) {
        Caller caller = DealCallers.of(user);
        Instant now = clock.instant();
        return auctions.page(achievementId, before, size).map(d -> AuctionView.of(d.auction(), Bidding.seesBidders(d.auction(), caller), now))
            .collectList();
    }

    /** The accepted bids in order; the organisations only for those who run the auction, admins and auditors. */
    public Mono<List<BidView>> bids(CurrentUser user, String id) {
        Caller caller = DealCallers.of(user);
        return find(id).map(d -> {
            boolean orgs = Bidding.seesBidders(d.auction(), caller);
            return d.auction().bids().stream().map(b -> new BidView(DealView.money(b.amount()), b.at(), orgs ? b.org() : null,
                b.org().equals(caller.org()))).toList();
        });
    }

    /** Cancels an auction without bids (see {@link Bidding#cancel}) and frees the achievement for another. */
    public Mono<AuctionView> cancel(CurrentUser user, String id) {
        Caller caller = DealCallers.of(user);
        return find(id).flatMap(d -> {
            Instant now = clock.instant();
            Auction next = decided(Bidding.cancel(d.auction(), caller, now));
            return auctions.replace(AuctionDocument.of(next, false), d.version(), null)
                .switchIfEmpty(Mono.error(() -> DealProblem.conflict(DealCodes.BIDS_PLACED, "The auction changed meanwhile: fetch it again.")))
                .flatMap(saved -> slots.release(saved.achievementId(), saved.id()).thenReturn(AuctionView.of(saved.auction(), true, now)));
        });
    }

    /**
     * A bid with its idempotency key (the key is the bidder's, per auction). Checks: the auction exists (404), the
     * caller is an enterprise user of an organisation (403); then the key: a new key decides the bid ({@link Bidding#bid});
     * a known key with another amount is 422 idempotency-key-reused, with the same amount it answers the outcome the
     * key recorded (waiting for the request that decides it, or taking over from one gone silent).
     */
    public Mono<BidResult> bid(CurrentUser user, String auctionId, String key, long amount) {
        return find(auctionId).flatMap(d -> {
            if (!user.has(Role.ENTERPRISE) || user.org() == null) {
                throw DealProblem.of(DealRejection.forbidden(DealCodes.FORBIDDEN, "only an enterprise user of an organisation bids"));
            }
            String bidId = bidId(auctionId, user.subject(), key);
            String owner = UUID.randomUUID().toString();
            return keys.claim(BidKeyDocument.pending(bidId, auctionId, user.subject(), amount, owner, clock.instant()))
                .flatMap(known -> known.amount() != amount
                    ? Mono.<BidResult>error(DealProblem.invalid("idempotency-key-reused", "This Idempotency-Key was sent with another amount."))
                    : await(user, auctionId, bidId, amount, owner))
                .switchIfEmpty(Mono.defer(() -> decide(user, auctionId, bidId, amount, owner)));
        });
    }

    /** A known key: its recorded outcome, once the request that owns it has decided (or after taking it over). */
    private Mono<BidResult> await(CurrentUser user, String auctionId, String bidId, long amount, String owner) {
        return keys.find(bidId).flatMap(k -> {
            if (k.decided()) return outcome(k);
            Instant now = clock.instant();
            if (!now.isBefore(k.takenAt().plus(KEY_PATIENCE))) {
                return keys.takeOver(bidId, k.owner(), owner, now)
                    .flatMap(took -> took ? decide(user, auctionId, bidId, amount, owner) : await(user, auctionId, bidId, amount, owner));
            }
            return Mono.delay(KEY_POLL).then(Mono.defer(() -> await(user, auctionId, bidId, amount, owner)));
        });
    }

    private static Mono<BidResult> outcome(BidKeyDocument k) {
        if (k.accepted() && k.at() != null && k.closesAt() != null) {
            return Mono.just(new BidResult(k.id(), k.auctionId(), DealView.money(k.amount()), k.at(), k.closesAt()));
        }
        String kind = k.kind() == null ? DomainException.Kind.CONFLICT.name() : k.kind();
        return Mono.error(new DealProblem(k.code() == null ? "bid-refused" : k.code(), DomainException.Kind.valueOf(kind),
            k.detail() == null ? "The bid was refused." : k.detail()));
    }

    /** This request owns the key: decides the bid on the auction's latest state, retrying lost races, and records it. */
    private Mono<BidResult> decide(CurrentUser user, String auctionId, String bidId, long amount, String owner) {
        Caller caller = DealCallers.of(user);
        return Mono.defer(() -> find(auctionId)).flatMap(d -> {
            Auction a = d.auction();
            AuctionBid taken = a.bid(bidId).orElse(null);
            if (taken != null) return accepted(bidId, owner, auctionId, taken, a.closesAt()); // decided before a takeover
            Instant now = clock.instant();
            return switch (Bidding.bid(a, bidId, caller, amount, now)) {
                case TradeDecision.Rejected<Auction> r -> {
                    DealProblem p = DealProblem.of(r.rejection());
                    yield keys.refused(bidId, owner, p.kind().name(), p.code(), p.getMessage()).then(Mono.<BidResult>error(p));
                }
                case TradeDecision.Accepted<Auction> ok -> auctions.replace(AuctionDocument.of(ok.value(), false), a.version(), bidId)
                    .switchIfEmpty(Mono.error(LostRace::new))
                    .flatMap(saved -> accepted(bidId, owner, auctionId, saved.auction().bid(bidId).orElseThrow(), saved.auction().closesAt()));
            };
        }).retryWhen(Retry.backoff(RACES, Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(20)).jitter(0.9)
            .filter(LostRace.class::isInstance)
            .onRetryExhaustedThrow((spec, signal) -> new DealProblem("auction-busy", DomainException.Kind.UNAVAILABLE,
                "The auction is too busy right now; send the bid again with the same Idempotency-Key.")));
    }

    private Mono<BidResult> accepted(String bidId, String owner, String auctionId, AuctionBid bid, Instant closesAt) {
        return keys.accepted(bidId, owner, bid.at(), closesAt)
            .thenReturn(new BidResult(bidId, auctionId, DealView.money(bid.amount()), bid.at(), closesAt));
    }

    /** Another bid changed the auction between the read and the write: decide again on its new state. */
    private static final class LostRace extends RuntimeException {
        LostRace() {
            super(null, null, false, false);
        }
    }

    private Mono<AuctionDocument> find(String id) {
        return auctions.find(id).switchIfEmpty(Mono.error(() -> new DealProblem("not-found", DomainException.Kind.NOT_FOUND, "No auction " + id + ".")));
    }

    /** The bid's id: one per auction, bidder and key, so every replay of a key finds the same bid. */
    static String bidId(String auctionId, String subject, String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((auctionId + "\n" + subject + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return "bid_" + HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T decided(TradeDecision<T> d) {
        return switch (d) {
            case TradeDecision.Accepted<T> a -> a.value();
            case TradeDecision.Rejected<T> r -> throw DealProblem.of(r.rejection());
        };
    }
}
