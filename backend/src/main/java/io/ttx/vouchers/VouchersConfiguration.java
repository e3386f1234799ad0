package io.ttx.vouchers;

import io.ttx.shared.jobs.Leases;
import io.ttx.shared.jobs.StartupTask;
import io.ttx.vouchers.peers.PeerDirectory;
import io.ttx.vouchers.peers.PeerProperties;
import io.ttx.vouchers.peers.Peers;
import io.ttx.vouchers.persistence.AgencyExtrasStore;
import io.ttx.vouchers.persistence.AgencyStore;
import io.ttx.vouchers.persistence.FederatedRedemptionStore;
import io.ttx.vouchers.persistence.ProgrammeStore;
import io.ttx.vouchers.persistence.RedemptionStore;
import io.ttx.vouchers.persistence.SettlementStore;
import io.ttx.vouchers.persistence.VoucherStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.time.Clock;

/** The voucher capability's indexes, the recovery of half-way issuances and the expiry sweep. */
@Configuration(proxyBeanMethods = false)
class VouchersConfiguration {
    @Bean
    IssueRecovery issueRecovery(ProgrammeStore programmes, VoucherLedger ledger, VoucherProperties props, Leases leases, Clock clock) {
        return new IssueRecovery(programmes, ledger, props, leases, clock);
    }

    @Bean
    VoucherExpirySweep voucherExpirySweep(VoucherStore vouchers, VoucherLedger ledger, VoucherProperties props, Leases leases, Clock clock) {
        return new VoucherExpirySweep(vouchers, ledger, props, leases, clock);
    }

    @Bean
    RedemptionRecovery redemptionRecovery(RedemptionStore store, Redemptions redemptions, RedemptionReviews reviews, Settlements settlements,
                                          SettlementStore batches, FederatedRedemptions federated, VoucherProperties props, Leases leases,
                                          Clock clock) {
        return new RedemptionRecovery(store, redemptions, reviews, settlements, batches, federated, props, leases, clock);
    }

    @Bean
    PeerDirectory peerDirectory(Peers peers, PeerProperties props, WebClient.Builder builder) {
        return new PeerDirectory(peers, props, builder);
    }

    @Bean
    FederationReconciliation federationReconciliation(FederatedRedemptionStore store, OutgoingRedemptions outgoing, PeerProperties props,
                                                      VoucherProperties vouchers, Leases leases, Clock clock) {
        return new FederationReconciliation(store, outgoing, props, vouchers, leases, clock);
    }

    /** Redemptions: the lists of each audience and of a voucher, the recovery's work, an agency's year, the batches' intake. */
    @Bean
    StartupTask redemptionIndexes(ReactiveMongoTemplate mongo) {
        var ops = mongo.indexOps(RedemptionStore.COLLECTION);
        return StartupTask.of("redemption indexes", () -> Flux.just(
                new Index().on("issuerRegion", Sort.Direction.ASC).on("order", Sort.Direction.DESC).named("issuer_newest"),
                new Index().on("agencyOrg", Sort.Direction.ASC).on("order", Sort.Direction.DESC).named("agency_newest"),
                new Index().on("holderOrg", Sort.Direction.ASC).on("order", Sort.Direction.DESC).named("holder_newest"),
                new Index().on("voucherId", Sort.Direction.ASC).on("order", Sort.Direction.DESC).named("voucher_newest"),
                new Index().on("order", Sort.Direction.DESC).named("newest"),
                new Index().on("status", Sort.Direction.ASC).on("takenAt", Sort.Direction.ASC).named("status_taken"),
                new Index().on("agencyId", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC).named("agency_created"),
                new Index().on("status", Sort.Direction.ASC).on("approvedAt", Sort.Direction.ASC).named("status_approved"),
                new Index().on("status", Sort.Direction.ASC).on("federation.authorizedAt", Sort.Direction.ASC).named("status_authorized"))
            .concatMap(ops::createIndex)
            .then(mongo.indexOps(RedemptionStore.COLLECTION).createIndex(new Index().on("batchId", Sort.Direction.ASC).sparse().named("batch")))
            .then(mongo.indexOps(SettlementStore.COLLECTION).createIndex(new Index().on("cutoff", Sort.Direction.ASC).named("cutoff")))
            .then(mongo.indexOps(SettlementStore.COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC).on("cutoff", Sort.Direction.ASC)
                .named("status_cutoff")))
            .then(mongo.indexOps(VoucherStore.COLLECTION).createIndex(new Index().on("agencyOrgs", Sort.Direction.ASC).on("_id", Sort.Direction.DESC)
                .named("agency_newest")))
            .then());
    }

    /** Lists per province (programmes, agencies), per organisation (agencies), products and objections per agency. */
    @Bean
    StartupTask voucherIndexes(ReactiveMongoTemplate mongo) {
        return StartupTask.of("voucher indexes", () -> mongo.indexOps(ProgrammeStore.COLLECTION)
            .createIndex(new Index().on("region", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).named("region_newest"))
            .then(mongo.indexOps(AgencyStore.COLLECTION).createIndex(new Index().on("region", Sort.Direction.ASC).on("_id", Sort.Direction.DESC)
                .named("region_newest")))
            .then(mongo.indexOps(AgencyStore.COLLECTION).createIndex(new Index().on("org", Sort.Direction.ASC).named("org")))
            .then(mongo.indexOps(AgencyExtrasStore.PRODUCTS).createIndex(new Index().on("agencyId", Sort.Direction.ASC).named("agency")))
            .then(mongo.indexOps(VoucherStore.COLLECTION).createIndex(new Index().on("holderOrg", Sort.Direction.ASC).on("_id", Sort.Direction.DESC)
                .named("holder_newest")))
            .then(mongo.indexOps(VoucherStore.COLLECTION).createIndex(new Index().on("issuerRegion", Sort.Direction.ASC).on("_id", Sort.Direction.DESC)
                .named("issuer_newest")))
            .then(mongo.indexOps(VoucherStore.COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC).on("validUntil", Sort.Direction.ASC)
                .named("expiry")))
            .then(mongo.indexOps(ProgrammeStore.COLLECTION).createIndex(new Index().on("pending.at", Sort.Direction.ASC).named("pending")))
            .then(mongo.indexOps(AgencyExtrasStore.OBJECTIONS).createIndex(new Index().on("agencyId", Sort.Direction.ASC).named("agency")))
            .then());
    }
}
