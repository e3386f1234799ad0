package io.ttx.brokerage;

import org.springframework.dao.DuplicateKeyException;
import io.ttx.brokerage.domain.Actor;
import io.ttx.brokerage.domain.Award;
import io.ttx.brokerage.domain.Caller;
import io.ttx.brokerage.domain.Deal;
import io.ttx.brokerage.domain.DealCommand;
import io.ttx.brokerage.domain.DealDecision;
import io.ttx.brokerage.domain.DealId;
import io.ttx.brokerage.domain.DealRules;
import io.ttx.brokerage.domain.DealStage;
import io.ttx.brokerage.domain.Deals;
import io.ttx.brokerage.domain.Exclusivity;
import io.ttx.brokerage.domain.Grant;
import io.ttx.brokerage.domain.OpenDeal;
import io.ttx.brokerage.domain.TrailEntry;
import io.ttx.brokerage.domain.TransferMode;
import io.ttx.brokerage.persistence.DealDocument;
import io.ttx.brokerage.persistence.DealStore;
import io.ttx.brokerage.persistence.PendingEvent;
import io.ttx.brokerage.persistence.RegisterDocument.SignedGrant;
import io.ttx.brokerage.persistence.RegisterStore;
import io.ttx.catalogue.Achievements;
import io.ttx.catalogue.DealFacts;
import io.ttx.catalogue.Demands;
import io.ttx.catalogue.ListingNotFound;
import io.ttx.catalogue.ListingStatus;
import io.ttx.catalogue.TradeMethod;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.shared.Ids;
import io.ttx.shared.jobs.Fence;
import io.ttx.shared.outbox.OutboxRelay;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deals (module API): opening, reading and every command. Order of checks on a command: the deal visible (404),
 * If-Match present and current (428, 412), then the domain's table (403, 409) and the command's rules (409, 422),
 * then the rules spanning deals (the register). An accepted command is one conditional write of the deal with its
 * trail entry and event; a signature that completes a contract first reserves its grant in the achievement's register.
 */
@Service
public class Brokerage {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String ID_PREFIX = "deal";

    private final DealStore deals;
    private final RegisterStore registers;
    private final Achievements achievements;
    private final Demands demands;
    private final OutboxRelay relay;
    private final BrokerageProperties props;
    private final Clock clock;

    Brokerage(DealStore deals, RegisterStore registers, Achievements achievements, Demands demands, OutboxRelay relay,
              BrokerageProperties props, Clock clock) {
        this.deals = deals;
        this.registers = registers;
        this.achievements = achievements;
        this.demands = demands;
        this.relay = relay;
        this.props = props;
        this.clock = clock;
    }

    /**
     * Opens a deal for the caller's organisation (an enterprise): the achievement must be visible (404), PUBLISHED (409
     * listing-not-open), not the caller's own (422 self-dealing), offer the mode (422 mode-not-offered), and the
     * organisation must not have an active deal on it (409 deal-exists). The inquiry's message is the opening trail
     * entry's note; a demand it answers must be one of the caller organisation's (422 invalid-demand).
     */
    public Mono<DealView> open(CurrentUser user, String achievementId, @Nullable String demandId, TransferMode mode, @Nullable String message) {
        Mono<Boolean> demandOk = demandId == null ? Mono.just(true) : demands.get(user, demandId)
            .map(d -> user.belongsTo(d.ownerOrg())).onErrorResume(ListingNotFound.class, e -> Mono.just(false));
        return demandOk.flatMap(ok -> ok ? achievements.dealFacts(user, achievementId)
            : Mono.error(DealProblem.invalid("invalid-demand", "Demand " + demandId + " is not one of your organisation's demands.")))
            .flatMap(facts -> {
            if (facts.status() != ListingStatus.PUBLISHED) {
                throw DealProblem.conflict("listing-not-open", "Achievement " + achievementId + " is " + facts.status() + ", not open for deals.");
            }
            Instant now = clock.instant();
            String id = Ids.next(ID_PREFIX, now);
            DealDecision decision = Deals.open(new DealId(id), new OpenDeal(achievementId, demandId, facts.ownerOrg(), mode), caller(user),
                now, rules(facts));
            DealDecision.Accepted a = accepted(decision);
            String org = a.deal().buyerOrg();
            return registers.claimBuyer(achievementId, org, id).flatMap(claimed -> {
                if (!claimed) {
                    return Mono.<DealView>error(DealProblem.conflict("deal-exists",
                        "Your organisation already has an open deal on achievement " + achievementId + "."));
                }
                TrailEntry e = a.entry();
                TrailEntry opening = new TrailEntry(e.by(), e.at(), e.command(), e.stageBefore(), e.stageAfter(), message, e.actedAs());
                DealDocument doc = DealDocument.of(a.deal(), facts.field().name(), List.of(opening), List.of(event(a)));
                return deals.insert(doc)
                    .onErrorResume(failure -> registers.releaseBuyer(achievementId, org, id).then(Mono.error(failure)))
                    .doOnNext(saved -> relay.nudge(DealStore.COLLECTION))
                    .map(saved -> DealView.of(saved.deal()));
            });
        });
    }

    /**
     * Writes the deal an auction or a tender decided ({@link Deals#award}), under an id fixed by the auction or tender
     * before, so a repeated call (a retry after a crash) finds it written and adds nothing. The buyer organisation's
     * slot is taken when free; an organisation that already negotiates on the achievement keeps that deal too (the
     * award is binding on both sides, so it is not refused for it). Emits the deal id.
     */
    Mono<String> award(String dealId, Award award, String field) {
        return awarded(dealId, award, field, registers.claimBuyer(award.achievementId(), award.buyerOrg(), dealId));
    }

    /**
     * {@link #award(String, Award, String)} by a job under a lease (the closing job): the buyer slot's write carries the
     * lease's fence. The deal's insert cannot (an insert has no condition), and needs none: its id is fixed, so whoever
     * inserts first wrote the deal and every later insert is refused as a duplicate.
     */
    Mono<String> award(String dealId, Award award, String field, Fence fence) {
        return awarded(dealId, award, field, registers.claimBuyer(award.achievementId(), award.buyerOrg(), dealId, fence));
    }

    private Mono<String> awarded(String dealId, Award award, String field, Mono<Boolean> claim) {
        Instant now = clock.instant();
        DealDecision.Accepted a = Deals.award(new DealId(dealId), award, now);
        DealDocument doc = DealDocument.of(a.deal(), field, List.of(a.entry()), List.of(event(a)));
        return claim
            .then(deals.insert(doc).then()
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty()))
            .doOnSuccess(x -> relay.nudge(DealStore.COLLECTION))
            .thenReturn(dealId);
    }

    public Mono<DealView> get(CurrentUser user, String id) {
        return visible(user, id).map(d -> DealView.of(d.deal()));
    }

    public Mono<List<TrailEntry>> trail(CurrentUser user, String id) {
        return visible(user, id).map(DealDocument::trail);
    }

    /**
     * The deal as the consumers of its events see it: parties, stage, next step, the trail's steps. For other modules'
     * outbox consumers and other modules' rule checks (the vouchers' deal check), so there are no caller checks: never
     * show what it holds in an answer. Empty when there is no such deal.
     */
    public Mono<DealSnapshot> snapshot(String dealId) {
        return deals.find(dealId).map(DealSnapshot::of);
    }

    /**
     * The deals the caller may see, newest first: its organisation's as seller (TTO, researcher), buyer (enterprise) or
     * broker, the unclaimed ones for brokers, every deal for admins and auditors. {@code brokerView} adds idle days and
     * the next action.
     */
    public Mono<DealPage> list(CurrentUser user, @Nullable DealStage stage, @Nullable String achievementId, @Nullable String cursor,
                               int size, boolean brokerView) {
        List<Criteria> scopes = scopes(user);
        if (scopes != null && scopes.isEmpty()) return Mono.just(new DealPage(List.of(), null));
        Instant now = clock.instant();
        return deals.page(scopes, stage, achievementId, cursor, size + 1).collectList().map(docs -> {
            boolean more = docs.size() > size;
            List<DealDocument> page = more ? docs.subList(0, size) : docs;
            List<DealView> items = page.stream().map(d -> {
                DealView v = DealView.of(d.deal());
                return brokerView ? v.forBroker(Duration.between(d.updatedAt(), now).toDays(), d.deal().nextAction()) : v;
            }).toList();
            return new DealPage(items, more ? page.getLast().id() : null);
        });
    }

    /**
     * The grants signed on an achievement (confirmed in its register), for the parties of its deals (the owner
     * organisation, buyer organisations with a deal on it), brokers, admins and auditors; 404 for anyone else.
     */
    public Mono<List<GrantView>> grants(CurrentUser user, String achievementId) {
        return achievements.dealFacts(user, achievementId).flatMap(facts -> {
            boolean staff = user.hasAny(Role.BROKER, Role.ADMIN, Role.AUDITOR);
            Mono<Boolean> allowed = staff || user.belongsTo(facts.ownerOrg()) ? Mono.just(true)
                : user.org() == null ? Mono.just(false) : deals.hasDeal(user.org(), achievementId);
            return allowed.flatMap(ok -> ok ? registers.find(achievementId)
                    .map(r -> r.grants().stream().filter(SignedGrant::confirmed).map(GrantView::of).toList())
                    .defaultIfEmpty(List.of())
                : Mono.error(DealProblem.notFoundAchievement(achievementId)));
        });
    }

    /** Decides and stores one command (see the class comment for the order of checks). */
    public Mono<DealView> command(CurrentUser user, String id, @Nullable Long ifMatch, DealCommand command) {
        return visible(user, id).flatMap(doc -> {
            if (ifMatch == null) throw DealProblem.ifMatchMissing();
            if (doc.version() != ifMatch) throw DealProblem.stale(id, doc.version());
            return achievements.dealFacts(doc.achievementId())
                .switchIfEmpty(Mono.error(() -> DealProblem.conflict("listing-not-open", "The deal's achievement is gone.")))
                .flatMap(facts -> decideAndStore(user, doc, command, facts));
        });
    }

    private Mono<DealView> decideAndStore(CurrentUser user, DealDocument doc, DealCommand command, DealFacts facts) {
        Instant now = clock.instant();
        Deal deal = doc.deal();
        DealDecision.Accepted a = accepted(Deals.decide(deal, Actor.of(caller(user), deal), command, now, LocalDate.ofInstant(now, CHINA),
            rules(facts)));
        DealDocument next = DealDocument.of(a.deal(), doc.field(), List.of(a.entry()), List.of(event(a)));
        boolean completesContract = a.deal().stage() == DealStage.CONTRACT_SIGNED && deal.stage() != DealStage.CONTRACT_SIGNED;
        boolean agreesTerms = a.deal().stage() == DealStage.TERMS_AGREED && deal.stage() != DealStage.TERMS_AGREED;
        Mono<DealDocument> stored;
        if (completesContract) stored = sign(doc, next, a, facts, now);
        else if (agreesTerms) stored = checkExclusivity(a.deal(), facts).then(write(next, doc, a));
        else stored = write(next, doc, a);
        return stored.map(saved -> answer(saved.deal(), command));
    }

    /**
     * The signature that completes a contract: the grant is reserved in the achievement's register unless it conflicts
     * (409 exclusivity-conflict: of concurrent overlapping signings one reserves, the others find its grant), then the
     * deal is written; if that write loses to another change of the deal, the reservation is taken back (412).
     */
    private Mono<DealDocument> sign(DealDocument doc, DealDocument next, DealDecision.Accepted a, DealFacts facts, Instant now) {
        if (facts.status() == ListingStatus.TRANSFERRED) {
            return Mono.error(DealProblem.conflict("listing-not-open", "The achievement was transferred; no new contract can be signed."));
        }
        Grant grant = Grant.of(a.deal()).orElseThrow();
        List<Grant> declared = declared(facts);
        if (!Exclusivity.conflicts(grant, declared).isEmpty()) return Mono.error(conflict(grant));
        String dealId = doc.id();
        return registers.reserve(doc.achievementId(), new SignedGrant(dealId, grant, false, now),
                held -> held.stream().filter(h -> !Exclusivity.conflicts(grant, List.of(h.grant())).isEmpty()).toList())
            .flatMap(conflicts -> {
                if (!conflicts.isEmpty()) return Mono.error(conflict(grant));
                return deals.replace(next, doc.version(), a.entry(), event(a))
                    .flatMap(saved -> registers.rewriteGrants(doc.achievementId(), gs -> gs.stream()
                        .map(g -> g.dealId().equals(dealId) ? g.confirm() : g).toList()).thenReturn(saved))
                    .doOnNext(saved -> relay.nudge(DealStore.COLLECTION))
                    .switchIfEmpty(Mono.defer(() -> registers.rewriteGrants(doc.achievementId(),
                            gs -> gs.stream().filter(g -> !g.dealId().equals(dealId)).toList())
                        .then(staleNow(doc.id()))));
            });
    }

    /** The early warning when terms are agreed: a grant that would conflict with one held or declared (409). */
    private Mono<Void> checkExclusivity(Deal agreed, DealFacts facts) {
        Grant grant = Grant.of(agreed).orElseThrow();
        return registers.find(agreed.achievementId()).map(r -> r.grants().stream().map(SignedGrant::grant).toList())
            .defaultIfEmpty(List.of())
            .flatMap(held -> {
                List<Grant> all = new ArrayList<>(held);
                all.addAll(declared(facts));
                return Exclusivity.conflicts(grant, all).isEmpty() ? Mono.<Void>empty() : Mono.error(conflict(grant));
            });
    }

    private Mono<DealDocument> write(DealDocument next, DealDocument doc, DealDecision.Accepted a) {
        return deals.replace(next, doc.version(), a.entry(), event(a))
            .doOnNext(saved -> relay.nudge(DealStore.COLLECTION))
            .switchIfEmpty(Mono.defer(() -> staleNow(doc.id())));
    }

    private Mono<DealDocument> staleNow(String id) {
        return deals.find(id).flatMap(latest -> Mono.error(DealProblem.stale(id, latest.version())));
    }

    private static DealView answer(Deal deal, DealCommand command) {
        DealView v = DealView.of(deal);
        return switch (command) {
            case DealCommand.FileRoyaltyStatement s -> deal.royaltyYear(s.year())
                .map(y -> v.withStatement(DealView.statement(y, y.lastStatement().map(st -> st.due()).orElse(0L), y.trueUp())))
                .orElse(v);
            case DealCommand.CloseRoyaltyYear c -> deal.royaltyYear(c.year()).map(y -> v.withStatement(DealView.statement(y, 0, y.trueUp())))
                .orElse(v);
            default -> v;
        };
    }

    /** Exclusive or sole licences the listing declares: signed grants over every field and territory, with no end. */
    private static List<Grant> declared(DealFacts facts) {
        return facts.exclusiveEncumbrances().stream()
            .map(t -> Grant.encumbrance("encumbrance", TransferMode.valueOf(t.name()))).toList();
    }

    private static DealProblem conflict(Grant grant) {
        return DealProblem.conflict("exclusivity-conflict", "A " + grant.mode() + " over these fields, territories and dates overlaps "
            + "an exclusive or sole licence (or an assignment) already signed or declared for this achievement.");
    }

    /** The deal if the caller may see it: a party's or broker's relation, the claim queue, admins and auditors (404 otherwise). */
    Mono<DealDocument> visible(CurrentUser user, String id) {
        return deals.find(id)
            .filter(d -> user.has(Role.AUDITOR) || Actor.of(caller(user), d.deal()).relation().mayRead())
            .switchIfEmpty(Mono.error(() -> DealProblem.notFound(id)));
    }

    /** The list filters of the caller's relations; null for every deal, empty for none. */
    private static @Nullable List<Criteria> scopes(CurrentUser user) {
        if (user.hasAny(Role.ADMIN, Role.AUDITOR)) return null;
        List<Criteria> scopes = new ArrayList<>();
        String org = user.org();
        if (org != null && user.hasAny(Role.TTO, Role.RESEARCHER)) scopes.add(Criteria.where("sellerOrg").is(org));
        if (org != null && user.has(Role.ENTERPRISE)) scopes.add(Criteria.where("buyerOrg").is(org));
        if (user.has(Role.BROKER)) {
            scopes.add(Criteria.where("brokerOrg").is(null));
            if (org != null) scopes.add(Criteria.where("brokerOrg").is(org));
        }
        return scopes;
    }

    private DealRules rules(DealFacts facts) {
        return rules(facts, props);
    }

    /** The rules a listing's facts give deals (and auctions and tenders) on it. */
    static DealRules rules(DealFacts facts, BrokerageProperties props) {
        Set<TransferMode> modes = facts.transferModes().stream().map(m -> TransferMode.valueOf(m.name())).collect(Collectors.toSet());
        return new DealRules(props.commissionRate(), facts.tradeMethod() == TradeMethod.FIXED_PRICE, facts.askingPriceFen(), modes,
            facts.openLicence());
    }

    private static Caller caller(CurrentUser user) {
        return DealCallers.of(user);
    }

    private static DealDecision.Accepted accepted(DealDecision d) {
        return switch (d) {
            case DealDecision.Accepted a -> a;
            case DealDecision.Rejected r -> throw DealProblem.of(r.rejection());
        };
    }

    private static PendingEvent event(DealDecision.Accepted a) {
        return new PendingEvent(Ids.next("evt", a.entry().at()), a.event().type(), a.deal().version(), a.entry().at());
    }
}
