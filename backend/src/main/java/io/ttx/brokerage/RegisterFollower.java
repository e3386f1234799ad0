package io.ttx.brokerage;

import io.ttx.brokerage.domain.Deal;
import io.ttx.brokerage.domain.DealStage;
import io.ttx.brokerage.domain.Grant;
import io.ttx.brokerage.persistence.DealDocument;
import io.ttx.brokerage.persistence.DealStore;
import io.ttx.brokerage.persistence.RegisterDocument.SignedGrant;
import io.ttx.brokerage.persistence.RegisterStore;
import io.ttx.catalogue.Achievements;
import io.ttx.shared.outbox.OutboxEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Keeps what spans deals in step with each deal (consumer of deal events; it re-reads the deal, so a redelivered or
 * late event changes nothing): a deal that is no longer active frees its buyer's slot; a terminated one ends its
 * grant on the termination date; a signed assignment (or equity) transfers the achievement in the catalogue.
 */
final class RegisterFollower {
    private final DealStore deals;
    private final RegisterStore registers;
    private final Achievements achievements;

    RegisterFollower(DealStore deals, RegisterStore registers, Achievements achievements) {
        this.deals = deals;
        this.registers = registers;
        this.achievements = achievements;
    }

    Mono<Void> onDealEvents(List<OutboxEvent> events) {
        List<String> ids = events.stream().map(OutboxEvent::aggregateId).distinct().toList();
        return deals.byIds(ids).concatMap(this::follow).then();
    }

    private Flux<Void> follow(DealDocument doc) {
        Deal d = doc.deal();
        Mono<Void> slot = d.isActive() ? Mono.empty() : registers.releaseBuyer(d.achievementId(), d.buyerOrg(), doc.id());
        Mono<Void> grant = d.stage() != DealStage.TERMINATED || d.terminatedOn() == null ? Mono.empty()
            : registers.rewriteGrants(d.achievementId(), gs -> gs.stream().map(g -> g.dealId().equals(doc.id()) ? ended(g, d) : g).toList());
        boolean signed = d.stage() == DealStage.CONTRACT_SIGNED || d.stage() == DealStage.REGISTERED || d.stage() == DealStage.CLOSED;
        boolean assigns = signed && d.agreedTerms() != null && d.agreedTerms().transferMode().transfersOwnership();
        Mono<Void> transfer = assigns ? achievements.transfer(d.achievementId(), doc.id()).then() : Mono.empty();
        return Flux.concat(slot, grant, transfer);
    }

    private static SignedGrant ended(SignedGrant g, Deal d) {
        return Grant.of(d).map(g::withGrant).orElse(g);
    }
}
