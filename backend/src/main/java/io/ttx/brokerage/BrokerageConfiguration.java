package io.ttx.brokerage;

import io.ttx.brokerage.persistence.AuctionStore;
import io.ttx.brokerage.persistence.DealStore;
import io.ttx.brokerage.persistence.OfferStore;
import io.ttx.brokerage.persistence.TenderStore;
import io.ttx.brokerage.persistence.MessageStore;
import io.ttx.brokerage.persistence.RegisterStore;
import io.ttx.catalogue.Achievements;
import io.ttx.catalogue.NdaCheck;
import io.ttx.documents.DocumentProperties;
import io.ttx.shared.jobs.Leases;
import io.ttx.shared.jobs.StartupTask;
import io.ttx.shared.outbox.OutboxConsumer;
import io.ttx.shared.outbox.OutboxRelay;
import io.ttx.shared.outbox.OutboxSource;
import io.ttx.shared.web.BodySizeLimit;
import io.ttx.valuation.ClosedDeals;
import io.ttx.valuation.ClosedDeals.ClosedDeal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.time.Clock;

/**
 * Wires deals to the outbox, the catalogue's NDA port and the valuation's platform deals; the registers' repair; the
 * idle sweep; the deal room's upload limit and message index; the auctions' closing job and the trade indexes.
 */
@Configuration(proxyBeanMethods = false)
class BrokerageConfiguration {

    @Bean
    OutboxSource dealEvents() {
        return new OutboxSource(DealStore.COLLECTION, DealEvents.AGGREGATE_TYPE);
    }

    @Bean
    OutboxConsumer dealRegisters(DealStore deals, RegisterStore registers, Achievements achievements) {
        return OutboxConsumer.of("deal-registers", DealEvents.AGGREGATE_TYPE, new RegisterFollower(deals, registers, achievements)::onDealEvents);
    }

    /** Both parties signed the NDA of an active or closed deal: the buyer sees contact, encumbrances, confidential documents. */
    @Bean
    NdaCheck dealNdas(DealStore deals) {
        return deals::ndaSigned;
    }

    /** The valuation's platform comparables: closed deals of the field with a contract value, the value as the price. */
    @Bean
    ClosedDeals closedDeals(DealStore deals) {
        return (field, limit) -> deals.closedInField(field.name(), limit)
            .filter(d -> d.deal().agreedTerms() != null && d.deal().agreedTerms().contractValue() > 0)
            .map(d -> new ClosedDeal(d.id(), BigDecimal.valueOf(d.deal().agreedTerms().contractValue(), 2)))
            .collectList();
    }

    @Bean
    RegisterRepair registerRepair(DealStore deals, RegisterStore registers, BrokerageProperties props, Leases leases, Clock clock) {
        return new RegisterRepair(deals, registers, props, leases, clock);
    }

    @Bean
    IdleSweep idleSweep(DealStore deals, OutboxRelay relay, BrokerageProperties props, Leases leases, Clock clock) {
        return new IdleSweep(deals, relay, props, leases, clock);
    }

    @Bean
    AuctionCloser auctionCloser(AuctionStore auctions, TenderStore tenders, Tenders tenderService, TradeSlots slots, Brokerage brokerage,
                                Achievements achievements, BrokerageProperties props, Leases leases, Clock clock) {
        return new AuctionCloser(auctions, tenders, tenderService, slots, brokerage, achievements, props, leases, clock);
    }

    /** The closing job's queries, lists of one achievement's auctions and tenders, offers of a tender. */
    @Bean
    StartupTask tradeIndexes(ReactiveMongoTemplate mongo) {
        return StartupTask.of("auction and tender indexes", () -> mongo.indexOps(AuctionStore.COLLECTION)
            .createIndex(new Index().on("state", Sort.Direction.ASC).on("closesAt", Sort.Direction.ASC).named("due"))
            .then(mongo.indexOps(AuctionStore.COLLECTION).createIndex(new Index().on("dealPending", Sort.Direction.ASC).named("deal_pending")))
            .then(mongo.indexOps(AuctionStore.COLLECTION).createIndex(new Index().on("achievementId", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).named("achievement_newest")))
            .then(mongo.indexOps(TenderStore.COLLECTION).createIndex(new Index().on("achievementId", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).named("achievement_newest")))
            .then(mongo.indexOps(TenderStore.COLLECTION).createIndex(new Index().on("dealPending", Sort.Direction.ASC).named("deal_pending")))
            .then(mongo.indexOps(OfferStore.COLLECTION).createIndex(new Index().on("tenderId", Sort.Direction.ASC).on("amount", Sort.Direction.DESC).named("tender_highest")))
            .then());
    }

    /** A deal room's uploads may be as large as any document plus the multipart envelope (413 above). */
    @Bean
    BodySizeLimit dealRoomUploadLimit(DocumentProperties documents) {
        return new BodySizeLimit("/api/v1/deals/{id}/documents", documents.uploadBodyLimit());
    }

    /** A deal room's messages, newest first. */
    @Bean
    StartupTask dealMessageIndexes(ReactiveMongoTemplate mongo) {
        var ops = mongo.indexOps(MessageStore.COLLECTION);
        return StartupTask.of("deal message indexes", () -> ops.createIndex(
            new Index().on("dealId", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).named("deal_newest")).then());
    }

    /** Indexes of the list scopes, the NDA and platform-deal queries, the idle sweep and the relay. */
    @Bean
    StartupTask brokerageIndexes(ReactiveMongoTemplate mongo) {
        var ops = mongo.indexOps(DealStore.COLLECTION);
        return StartupTask.of("brokerage indexes", () -> Flux.just(
                new Index().on("sellerOrg", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).named("seller"),
                new Index().on("buyerOrg", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).named("buyer"),
                new Index().on("brokerOrg", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).named("broker"),
                new Index().on("achievementId", Sort.Direction.ASC).on("buyerOrg", Sort.Direction.ASC).named("achievement_buyer"),
                new Index().on("field", Sort.Direction.ASC).on("stage", Sort.Direction.ASC).on("updatedAt", Sort.Direction.DESC).named("field_stage"),
                new Index().on("active", Sort.Direction.ASC).on("updatedAt", Sort.Direction.ASC).named("active_updated"),
                new Index().on("pendingEvents.id", Sort.Direction.ASC).sparse().named("pending_events"))
            .concatMap(ops::createIndex));
    }
}
