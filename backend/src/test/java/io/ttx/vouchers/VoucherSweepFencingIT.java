package io.ttx.vouchers;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ttx.shared.jobs.Fence;
import io.ttx.shared.jobs.LeaseLost;
import io.ttx.testsupport.TestPeer;
import io.ttx.vouchers.VoucherWorld.Agency;
import io.ttx.vouchers.domain.LedgerEntry;
import io.ttx.vouchers.persistence.CapStore;
import io.ttx.vouchers.persistence.FederatedRedemptionDocument;
import io.ttx.vouchers.persistence.FederatedRedemptionStore;
import io.ttx.vouchers.persistence.ProgrammeDocument;
import io.ttx.vouchers.persistence.ProgrammeDocument.PendingIssue;
import io.ttx.vouchers.persistence.ProgrammeStore;
import io.ttx.vouchers.persistence.RedemptionDocument;
import io.ttx.vouchers.persistence.RedemptionStore;
import io.ttx.vouchers.persistence.VoucherDocument;
import io.ttx.vouchers.persistence.VoucherStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.ttx.vouchers.VoucherProgrammesIT.money;
import static io.ttx.vouchers.VoucherWorld.JIANGSU_ADMIN;
import static io.ttx.vouchers.VoucherWorld.ok;
import static io.ttx.vouchers.VoucherWorld.redemption;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The voucher sweeps' writes carry their lease's token (issue #17): once a newer holder of a lease wrote a document,
 * the same write under an older token is refused ({@link LeaseLost}, nothing changed: no ledger entry, no budget or cap
 * moved), and the newer holder's write still goes through. Each test fences under a lease name of its own, so the
 * sweeps running on their timers (with their own tokens) do not interfere; the last tests show the running sweeps'
 * writes carry their tokens.
 */
class VoucherSweepFencingIT extends VoucherIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    VoucherLedger ledger;
    @Autowired
    Redemptions redemptionService;
    @Autowired
    RedemptionReviews reviews;
    @Autowired
    VoucherStore vouchers;
    @Autowired
    ProgrammeStore programmes;
    @Autowired
    CapStore caps;
    @Autowired
    RedemptionStore redemptions;
    @Autowired
    FederatedRedemptionStore federated;

    private static String lease(String sweep) {
        return sweep + "-" + System.nanoTime();
    }

    private static Fence fence(String lease, long token) {
        return Fence.of(lease, token);
    }

    private Document raw(String collection, String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, collection).block(WAIT);
    }

    private static Object fence(Document d, String lease) {
        Document fences = d.get(Fence.FIELDS, Document.class);
        return fences == null ? null : fences.get(lease);
    }

    @Test
    void anOlderHolderCanNeitherExpireNorDebitAVoucherANewerHolderWrote() {
        String lease = lease("sweep:voucher-expiry");
        long t = 1_000;
        String programme = world.programme("1000000.00", "0.00");
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        String voucher = world.voucher(programme, world.holder(), "1000.00");
        // the newer holder writes the voucher (a debit under its token): the running expiry sweep does not reach it,
        // its validity ends a year from now
        LedgerEntry debit = new LedgerEntry(LedgerEntry.Type.REDEEMED, 100, "k-newer", "rdm_newer-" + UUID.randomUUID(), "ag", clock.instant(), null);
        assertThat(vouchers.redeem(voucher, 100_000, 100, null, debit, agency.org(), clock.instant(), fence(lease, t + 1)).block(WAIT)).isTrue();
        VoucherDocument before = vouchers.find(voucher).block(WAIT);
        LocalDate afterValidity = before.validUntil().plusDays(1);

        assertThatThrownBy(() -> ledger.expire(before, afterValidity, Fence.of(lease, t)).block(WAIT)).isInstanceOf(LeaseLost.class);
        LedgerEntry stale = new LedgerEntry(LedgerEntry.Type.REDEEMED, 100, "k-older", "rdm_older-" + UUID.randomUUID(), "ag", clock.instant(), null);
        assertThatThrownBy(() -> vouchers.redeem(voucher, 100_000, 100, null, stale, agency.org(), clock.instant(), fence(lease, t)).block(WAIT))
            .isInstanceOf(LeaseLost.class);
        VoucherDocument unchanged = vouchers.find(voucher).block(WAIT);
        assertThat(unchanged.status()).isEqualTo("ACTIVE");
        assertThat(unchanged.version()).isEqualTo(before.version());
        assertThat(unchanged.voucher().redeemed()).isEqualTo(100);
        assertThat(unchanged.ledger()).hasSameSizeAs(before.ledger());

        assertThat(ledger.expire(before, afterValidity, Fence.of(lease, t + 1)).block(WAIT)).as("the newer holder's write").isTrue();
        VoucherDocument expired = vouchers.find(voucher).block(WAIT);
        assertThat(expired.status()).isEqualTo("EXPIRED");
        assertThat(expired.ledger()).hasSize(before.ledger().size() + 1);
        assertThat(fence(raw(VoucherStore.COLLECTION, voucher), lease)).isEqualTo(t + 1);
    }

    @Test
    void anOlderHolderCannotGiveBackTheBudgetOrCapsOfAnIssuanceOnceANewerHolderWroteThem() {
        String lease = lease("sweep:voucher-issues");
        long t = 2_000;
        String programme = world.programme("1000000.00", "0.00");
        String org = "91330100FENCE" + System.nanoTime() % 100_000;
        int year = LocalDate.ofInstant(clock.instant(), VoucherLedger.CHINA).getYear();
        String holderCap = CapStore.key(programme, year, VoucherLedger.HOLDER, org);
        String controllerCap = CapStore.key(programme, year, VoucherLedger.CONTROLLER, org);
        // two issuances a crash left half-way (budget and caps taken, no voucher); pending since now, so the running
        // recovery (a minute's grace) leaves them alone
        PendingIssue first = pending("vch-fence-1-" + UUID.randomUUID(), holderCap, controllerCap);
        PendingIssue second = pending("vch-fence-2-" + UUID.randomUUID(), holderCap, controllerCap);
        for (PendingIssue p : new PendingIssue[] {first, second}) {
            ProgrammeDocument doc = programmes.find(programme).block(WAIT);
            assertThat(programmes.reserve(VoucherLedger.withIssued(doc.programme(), doc.programme().issued() + p.face()), doc.version(), p)
                .block(WAIT)).isNotNull();
            assertThat(caps.take(holderCap, p.voucherId(), p.face(), 1_000_000_000L).block(WAIT)).isTrue();
            assertThat(caps.take(controllerCap, p.voucherId(), p.face(), 1_000_000_000L).block(WAIT)).isTrue();
        }

        ledger.recover(programme, first, Fence.of(lease, t + 1)).block(WAIT);
        ProgrammeDocument before = programmes.find(programme).block(WAIT);
        assertThat(before.programme().issued()).isEqualTo(second.face());
        assertThat(caps.used(holderCap).block(WAIT)).isEqualTo(second.face());

        assertThatThrownBy(() -> ledger.recover(programme, second, Fence.of(lease, t)).block(WAIT)).isInstanceOf(LeaseLost.class);
        assertThatThrownBy(() -> programmes.completed(programme, second.voucherId(), fence(lease, t)).block(WAIT)).isInstanceOf(LeaseLost.class);
        ProgrammeDocument unchanged = programmes.find(programme).block(WAIT);
        assertThat(unchanged.programme().issued()).as("budget unchanged").isEqualTo(second.face());
        assertThat(unchanged.version()).isEqualTo(before.version());
        assertThat(unchanged.pending()).extracting(PendingIssue::voucherId).containsExactly(second.voucherId());
        assertThat(caps.used(holderCap).block(WAIT)).isEqualTo(second.face());
        assertThat(caps.used(controllerCap).block(WAIT)).isEqualTo(second.face());

        ledger.recover(programme, second, Fence.of(lease, t + 1)).block(WAIT);
        ProgrammeDocument after = programmes.find(programme).block(WAIT);
        assertThat(after.programme().issued()).isZero();
        assertThat(after.pending()).isEmpty();
        assertThat(caps.used(holderCap).block(WAIT)).isZero();
        assertThat(caps.used(controllerCap).block(WAIT)).isZero();
        assertThat(fence(raw(ProgrammeStore.COLLECTION, programme), lease)).isEqualTo(t + 1);
        assertThat(fence(raw(CapStore.COLLECTION, holderCap), lease)).isEqualTo(t + 1);
    }

    private PendingIssue pending(String voucherId, String holderCap, String controllerCap) {
        return new PendingIssue(voucherId, 100_000, holderCap, controllerCap, clock.instant());
    }

    @Test
    void anOlderHolderCannotTakeOverOrDecideARedemptionANewerHolderTookOver() {
        String lease = lease("sweep:voucher-redemptions");
        long t = 3_000;
        String programme = world.programme("1000000.00", "0.00");
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        String voucher = world.voucher(programme, world.holder(), "1000.00");
        RedemptionDocument orphan = orphan(agency, voucher, "k-fence-take");
        redemptions.insert(orphan).block(WAIT);
        // the newer holder took it over (and is deciding it): taken now, so the running recovery does not reach it
        assertThat(redemptions.takeOver(orphan.id(), "crashed", "newer", clock.instant(), fence(lease, t + 1)).block(WAIT)).isTrue();
        RedemptionDocument taken = redemptions.find(orphan.id()).block(WAIT);
        VoucherDocument voucherBefore = vouchers.find(voucher).block(WAIT);

        assertThatThrownBy(() -> redemptionService.recover(taken, Fence.of(lease, t)).block(WAIT)).isInstanceOf(LeaseLost.class);
        RedemptionDocument unchanged = redemptions.find(orphan.id()).block(WAIT);
        assertThat(unchanged.status()).isEqualTo(RedemptionDocument.PENDING);
        assertThat(unchanged.owner()).isEqualTo("newer");
        assertThat(unchanged.attempt()).isEqualTo(taken.attempt());
        assertThat(vouchers.find(voucher).block(WAIT).ledger()).as("no debit").hasSameSizeAs(voucherBefore.ledger());

        RedemptionDocument decided = redemptionService.recover(taken, Fence.of(lease, t + 1)).block(WAIT);
        assertThat(decided.status()).isEqualTo("SUBMITTED");
        assertThat(decided.subsidy()).isEqualTo(10_000L);
        assertThat(vouchers.find(voucher).block(WAIT).voucher().redeemed()).as("debited once").isEqualTo(voucherBefore.voucher().redeemed() + 10_000L);
        assertThat(fence(raw(RedemptionStore.COLLECTION, orphan.id()), lease)).isEqualTo(t + 1);
        assertThat(fence(raw(VoucherStore.COLLECTION, voucher), lease)).isEqualTo(t + 1);
    }

    @Test
    void anOlderHolderCannotRefundARejectionOnAVoucherANewerHolderWrote() {
        String lease = lease("sweep:voucher-redemptions");
        long t = 4_000;
        String programme = world.programme("1000000.00", "0.00");
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        String voucher = world.voucher(programme, world.holder(), "1000.00");
        // two SUBMITTED redemptions (the running recovery refunds only REJECTED ones): refunded here as their rejection's
        String first = ok(world.redeem(agency, voucher, "k1", redemption("INV-" + UUID.randomUUID(), "100.00", "TESTING_INSPECTION")), 201)
            .get("id").asString();
        String second = ok(world.redeem(agency, voucher, "k2", redemption("INV-" + UUID.randomUUID(), "100.00", "TESTING_INSPECTION")), 201)
            .get("id").asString();
        reviews.refund(redemptions.find(first).block(WAIT), fence(lease, t + 1)).block(WAIT);
        VoucherDocument before = vouchers.find(voucher).block(WAIT);
        assertThat(before.voucher().redeemed()).isEqualTo(5_000L);

        RedemptionDocument rejected = redemptions.find(second).block(WAIT);
        assertThatThrownBy(() -> reviews.refund(rejected, fence(lease, t)).block(WAIT)).isInstanceOf(LeaseLost.class);
        VoucherDocument unchanged = vouchers.find(voucher).block(WAIT);
        assertThat(unchanged.voucher().redeemed()).isEqualTo(5_000L);
        assertThat(unchanged.ledger()).hasSameSizeAs(before.ledger());
        assertThat(redemptions.find(second).block(WAIT).refunded()).isFalse();

        reviews.refund(rejected, fence(lease, t + 1)).block(WAIT);
        VoucherDocument refunded = vouchers.find(voucher).block(WAIT);
        assertThat(refunded.voucher().redeemed()).isZero();
        assertThat(refunded.ledger()).hasSize(before.ledger().size() + 1);
        assertThat(redemptions.find(second).block(WAIT).refunded()).isTrue();
        assertThat(fence(raw(RedemptionStore.COLLECTION, second), lease)).isEqualTo(t + 1);
    }

    @Test
    void anOlderHolderCannotWriteAFederatedRedemptionANewerHolderWrote() {
        String lease = lease("sweep:federated-redemptions");
        long t = 5_000;
        // a peer nobody hosts: the running reconciliation leaves the record as it is
        FederatedRedemptionDocument d = federatedRedemption("nowhere", FederatedRedemptionDocument.PENDING, null, clock.instant());
        federated.claim(d).block(WAIT);
        Instant now = clock.instant();
        assertThat(federated.authorized(d.id(), "auth-newer", 200, now, fence(lease, t + 1)).block(WAIT).authorizationId()).isEqualTo("auth-newer");

        assertThatThrownBy(() -> federated.authorized(d.id(), "auth-older", 300, now, fence(lease, t)).block(WAIT)).isInstanceOf(LeaseLost.class);
        assertThatThrownBy(() -> federated.failed(d.id(), 409, "authorization-unknown", "older", now, fence(lease, t)).block(WAIT))
            .isInstanceOf(LeaseLost.class);
        assertThatThrownBy(() -> federated.settledAs(d.id(), "APPROVED", 300, now, fence(lease, t)).block(WAIT)).isInstanceOf(LeaseLost.class);
        assertThatThrownBy(() -> federated.touched(d.id(), now.plusSeconds(60), fence(lease, t)).block(WAIT)).isInstanceOf(LeaseLost.class);
        FederatedRedemptionDocument unchanged = federated.find(d.id()).block(WAIT);
        assertThat(unchanged.status()).isEqualTo(FederatedRedemptionDocument.PENDING);
        assertThat(unchanged.authorizationId()).isEqualTo("auth-newer");
        assertThat(unchanged.subsidy()).isEqualTo(200);
        assertThat(unchanged.approvedAt()).isNull();

        assertThat(federated.settledAs(d.id(), "SUBMITTED", 200, now, fence(lease, t + 1)).block(WAIT).status()).isEqualTo("SUBMITTED");
        assertThat(fence(raw(FederatedRedemptionStore.COLLECTION, d.id()), lease)).isEqualTo(t + 1);
    }

    private FederatedRedemptionDocument federatedRedemption(String peer, String status, String authorizationId, Instant updatedAt) {
        String id = "fdr_fence-" + UUID.randomUUID();
        return new FederatedRedemptionDocument(id, "fdr" + System.nanoTime(), "hash", "91320100FENCE", "agc-fence", "320000", peer, "440000",
            "vch-gd-" + UUID.randomUUID(), "INV-" + UUID.randomUUID(), 40_000, "TESTING_INSPECTION", "fence", status, authorizationId, 20_000,
            null, null, 0, "ag", updatedAt, updatedAt, null, null);
    }

    private RedemptionDocument orphan(Agency agency, String voucher, String key) {
        // a first redemption gives a template of what a request inserts before it decides
        RedemptionDocument t = redemptions.find(ok(world.redeem(agency, voucher, key + "-first", redemption("INV-" + UUID.randomUUID(), "100.00",
            "TESTING_INSPECTION")), 201).get("id").asString()).block(WAIT);
        Instant now = clock.instant();
        return new RedemptionDocument(RedemptionKeys.id(agency.org(), key), "rdm_" + "0".repeat(20), t.requestHash(), key, voucher, t.programmeId(),
            t.issuerRegion(), t.holderOrg(), t.agencyOrg(), null, null, "INV-orphan-" + UUID.randomUUID(), 20_000L, "TESTING_INSPECTION", "orphan",
            null, 0, RedemptionDocument.PENDING, null, "crashed", 0, now, t.createdBy(), now, null, null, null, null, false, null, null, null);
    }

    // the running sweeps' writes carry their tokens

    @Test
    void theExpirySweepsWriteCarriesItsToken() {
        String programme = world.programme("1000000.00", "0.00");
        String voucher = world.voucher(programme, world.holder(), "1000.00");
        clock.advance(Duration.ofDays(366));
        eventually(WAIT, () -> assertThat(vouchers.find(voucher).block(WAIT).status()).isEqualTo("EXPIRED"));
        assertThat(fence(raw(VoucherStore.COLLECTION, voucher), "sweep:voucher-expiry")).isInstanceOf(Number.class);
    }

    @Test
    void theRedemptionRecoverysWritesCarryItsToken() {
        String programme = world.programme("1000000.00", "0.00");
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        String voucher = world.voucher(programme, world.holder(), "1000.00");
        RedemptionDocument orphan = orphan(agency, voucher, "k-fence-sweep");
        redemptions.insert(orphan).block(WAIT);
        clock.advance(Duration.ofSeconds(31));
        eventually(WAIT, () -> assertThat(redemptions.find(orphan.id()).block(WAIT).status()).isEqualTo("SUBMITTED"));
        assertThat(fence(raw(RedemptionStore.COLLECTION, orphan.id()), "sweep:voucher-redemptions")).isInstanceOf(Number.class);
        assertThat(fence(raw(VoucherStore.COLLECTION, voucher), "sweep:voucher-redemptions")).as("the debit").isInstanceOf(Number.class);
    }

    @Test
    void theIssueRecoverysWritesCarryItsToken() {
        String programme = world.programme("1000000.00", "0.00");
        String org = "91330100FENCE" + System.nanoTime() % 100_000;
        int year = LocalDate.ofInstant(clock.instant(), VoucherLedger.CHINA).getYear();
        String holderCap = CapStore.key(programme, year, VoucherLedger.HOLDER, org);
        PendingIssue p = new PendingIssue("vch-fence-3-" + UUID.randomUUID(), 100_000, holderCap, CapStore.key(programme, year,
            VoucherLedger.CONTROLLER, org), clock.instant().minus(IssueRecovery.GRACE).minusSeconds(1));
        ProgrammeDocument doc = programmes.find(programme).block(WAIT);
        assertThat(programmes.reserve(VoucherLedger.withIssued(doc.programme(), p.face()), doc.version(), p).block(WAIT)).isNotNull();
        assertThat(caps.take(holderCap, p.voucherId(), p.face(), 1_000_000_000L).block(WAIT)).isTrue();
        // the recovery runs every ttx.vouchers.recovery-interval (500 ms in the tests; it was a fixed 30 s before)
        eventually(WAIT, () -> assertThat(programmes.find(programme).block(WAIT).pending()).isEmpty());
        assertThat(programmes.find(programme).block(WAIT).programme().issued()).isZero();
        assertThat(fence(raw(ProgrammeStore.COLLECTION, programme), "sweep:voucher-issues")).isInstanceOf(Number.class);
        assertThat(fence(raw(CapStore.COLLECTION, holderCap), "sweep:voucher-issues")).isInstanceOf(Number.class);
    }

    @Test
    void theReconciliationsWritesCarryItsToken() {
        WireMockServer peer = TestPeer.get();
        peer.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"access_token\":\"peer-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        String authorization = "auth-fence-" + UUID.randomUUID();
        // captured, SUBMITTED at the issuer when last looked at; the issuer approved it since
        FederatedRedemptionDocument d = federatedRedemption("guangdong", "SUBMITTED", authorization, clock.instant().minusSeconds(10));
        peer.stubFor(get(urlEqualTo("/federation/v1/authorizations/" + authorization)).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json").withBody("{\"authorizationId\":\"" + authorization + "\",\"voucherId\":\"" + d.voucherId()
                + "\",\"idempotencyKey\":\"" + d.id() + "\",\"subsidy\":" + money("200.00") + ",\"status\":\"APPROVED\"}")));
        federated.claim(d).block(WAIT);
        eventually(WAIT, () -> assertThat(federated.find(d.id()).block(WAIT).status()).isEqualTo("APPROVED"));
        assertThat(fence(raw(FederatedRedemptionStore.COLLECTION, d.id()), "sweep:federated-redemptions")).isInstanceOf(Number.class);
    }
}
