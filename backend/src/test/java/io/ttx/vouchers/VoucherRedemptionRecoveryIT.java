package io.ttx.vouchers;

import io.ttx.vouchers.VoucherWorld.Agency;
import io.ttx.vouchers.domain.LedgerEntry;
import io.ttx.vouchers.persistence.RedemptionDocument;
import io.ttx.vouchers.persistence.RedemptionStore;
import io.ttx.vouchers.persistence.VoucherStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.ttx.vouchers.VoucherWorld.JIANGSU_ADMIN;
import static io.ttx.vouchers.VoucherWorld.ZHEJIANG_ADMIN;
import static io.ttx.vouchers.VoucherWorld.amount;
import static io.ttx.vouchers.VoucherWorld.ok;
import static io.ttx.vouchers.VoucherWorld.redemption;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a crash leaves of a redemption, finished on the dev stack: a redemption whose owner died before the debit is
 * decided by the recovery; one whose owner died after the debit is completed from the ledger by a replay of its key
 * (no second debit); an interrupted rejection gets its refund once; a voided redemption can never debit.
 */
class VoucherRedemptionRecoveryIT extends VoucherIT {
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    RedemptionStore redemptions;
    @Autowired
    VoucherStore vouchers;

    /** Puts the redemption back to PENDING under an owner that is gone, as a crash before its status write leaves it. */
    void crashBeforeTheStatusWrite(String id) {
        Update u = new Update().set("status", RedemptionDocument.PENDING).set("owner", "crashed").set("takenAt", clock.instant())
            .set("agencyId", null).set("subsidy", 0L);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), u, RedemptionStore.COLLECTION).block();
    }

    JsonNode ledger(String voucher) {
        return world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher + "/ledger").get("items");
    }

    @Test
    void aRedemptionWhoseOwnerDiedBeforeTheDebitIsDecidedByTheRecovery() {
        String programme = world.programme("1000000.00", "0.00");
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        String voucher = world.voucher(programme, world.holder(), "1000.00");
        // a first redemption gives a template of what a request inserts before it decides
        JsonNode first = ok(world.redeem(agency, voucher, "k-first", redemption("INV-" + UUID.randomUUID(), "100.00", "TESTING_INSPECTION")), 201);
        RedemptionDocument t = redemptions.find(first.get("id").asString()).block();
        Instant now = clock.instant();
        RedemptionDocument orphan = new RedemptionDocument(RedemptionKeys.id(agency.org(), "k-orphan"), "rdm_" + "0".repeat(20), t.requestHash(),
            "k-orphan", voucher, t.programmeId(), t.issuerRegion(), t.holderOrg(), t.agencyOrg(), null, null, "INV-orphan-" + UUID.randomUUID(), 20_000L,
            "TESTING_INSPECTION", "orphan", null, 0, RedemptionDocument.PENDING, null, "crashed", 0, now, t.createdBy(), now, null, null, null, null, false,
            null, null, null);
        redemptions.insert(orphan).block();

        clock.advance(Duration.ofSeconds(31));
        eventually(Duration.ofSeconds(20), () -> assertThat(redemptions.find(orphan.id()).block().status()).isEqualTo("SUBMITTED"));
        assertThat(redemptions.find(orphan.id()).block().subsidy()).isEqualTo(10_000L);
        assertThat(amount(world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher), "redeemed")).isEqualTo("150.00");
        assertThat(ledger(voucher).valueStream().filter(e -> orphan.id().equals(e.path("redemptionId").asString(null)))).hasSize(1);
    }

    @Test
    void aReplayCompletesARedemptionWhoseOwnerDiedAfterTheDebitWithoutASecondDebit() {
        String programme = world.programme("1000000.00", "0.00");
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        String voucher = world.voucher(programme, world.holder(), "1000.00");
        String body = redemption("INV-" + UUID.randomUUID(), "100.00", "TESTING_INSPECTION");
        String id = ok(world.redeem(agency, voucher, "k", body), 201).get("id").asString();
        crashBeforeTheStatusWrite(id);

        clock.advance(Duration.ofSeconds(31));
        JsonNode replay = ok(world.redeem(agency, voucher, "k", body), 201);
        assertThat(replay.get("id").asString()).isEqualTo(id);
        assertThat(replay.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(amount(replay, "subsidy")).isEqualTo("50.00");
        assertThat(amount(world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher), "redeemed")).as("debited once").isEqualTo("50.00");
        assertThat(ledger(voucher)).hasSize(2);
    }

    @Test
    void anInterruptedRejectionGetsItsRefundOnce() {
        String programme = world.programme("1000000.00", "0.00");
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        String voucher = world.voucher(programme, world.holder(), "1000.00");
        String id = ok(world.redeem(agency, voucher, "k", redemption("INV-" + UUID.randomUUID(), "100.00", "TESTING_INSPECTION")), 201)
            .get("id").asString();
        // the decision was written, the crash came before the refund
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", "REJECTED").set("decidedBy", "ra-zj"),
            RedemptionStore.COLLECTION).block();

        eventually(Duration.ofSeconds(20), () -> assertThat(redemptions.find(id).block().refunded()).isTrue());
        assertThat(amount(world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher), "redeemed")).isEqualTo("0.00");
        assertThat(ledger(voucher).valueStream().map(e -> e.get("type").asString())).containsExactly("ISSUED", "REDEEMED", "REFUNDED");
    }

    @Test
    void aVoidedRedemptionCanNeverDebitAndAVoidFailsOnceItDebited() {
        String programme = world.programme("1000000.00", "0.00");
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        String voucher = world.voucher(programme, world.holder(), "1000.00");
        String debited = ok(world.redeem(agency, voucher, "k", redemption("INV-" + UUID.randomUUID(), "100.00", "TESTING_INSPECTION")), 201)
            .get("id").asString();
        assertThat(vouchers.voidRedemption(voucher, debited).block()).as("its debit is in the ledger").isFalse();

        assertThat(vouchers.voidRedemption(voucher, "rdm_someoneelsesredem").block()).isTrue();
        LedgerEntry late = new LedgerEntry(LedgerEntry.Type.REDEEMED, 100, "late", "rdm_someoneelsesredem", "ag", clock.instant(), null);
        assertThat(vouchers.redeem(voucher, 100_000, 100, null, late, agency.org(), clock.instant()).block()).isFalse();
        LedgerEntry again = new LedgerEntry(LedgerEntry.Type.REDEEMED, 100, "k", debited, "ag", clock.instant(), null);
        assertThat(vouchers.redeem(voucher, 100_000, 100, null, again, agency.org(), clock.instant()).block()).as("no second debit").isFalse();
        assertThat(amount(world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher), "redeemed")).isEqualTo("50.00");
    }
}
