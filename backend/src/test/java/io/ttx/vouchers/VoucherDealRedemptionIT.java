package io.ttx.vouchers;

import io.ttx.brokerage.DealSteps;
import io.ttx.vouchers.VoucherWorld.Agency;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static io.ttx.vouchers.VoucherWorld.ZHEJIANG_ADMIN;
import static io.ttx.vouchers.VoucherWorld.amount;
import static io.ttx.vouchers.VoucherWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A voucher paying for a technology transfer: the redemption names a REGISTERED deal bought by the holder and brokered
 * by the agency's organisation (a transfer centre admitted as a service agency); any other deal is 422
 * deal-not-eligible.
 */
class VoucherDealRedemptionIT extends VoucherIT {

    static String transfer(String dealId, String category) {
        return "{\"invoiceNumber\":\"INV-" + UUID.randomUUID() + "\",\"invoiceAmount\":" + VoucherProgrammesIT.money("100.00") + ",\"category\":\""
            + category + "\",\"serviceDescription\":\"技术转移服务\",\"dealId\":\"" + dealId + "\"}";
    }

    @Test
    void onlyARegisteredDealOfTheHolderBrokeredByTheAgencyIsPaidFor() {
        DealSteps deal = new DealSteps(api);
        String registered = deal.registered();
        String inquiry = deal.inquiry();
        String programme = world.programme("1000000.00", "0.00");
        Agency centre = world.agency("330000", ZHEJIANG_ADMIN, deal.brokerOrg);
        Agency stranger = world.agency("330000", ZHEJIANG_ADMIN);
        String voucher = world.voucher(programme, world.holder(deal.buyerOrg), "1000.00");
        String otherVoucher = world.voucher(programme, world.holder(), "1000.00");

        world.redeem(centre, voucher, "k1", transfer(registered, "TESTING_INSPECTION")).expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.code").isEqualTo("deal-not-eligible");
        world.redeem(centre, voucher, "k2", transfer(inquiry, "TECHNOLOGY_TRANSFER")).expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.code").isEqualTo("deal-not-eligible");
        world.redeem(centre, voucher, "k3", transfer("deal_00000000000000000000", "TECHNOLOGY_TRANSFER")).expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.code").isEqualTo("deal-not-eligible");
        world.redeem(centre, otherVoucher, "k4", transfer(registered, "TECHNOLOGY_TRANSFER")).expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.code").isEqualTo("deal-not-eligible");
        world.redeem(stranger, voucher, "k5", transfer(registered, "TECHNOLOGY_TRANSFER")).expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.code").isEqualTo("deal-not-eligible");

        JsonNode r = ok(world.redeem(centre, voucher, "k6", transfer(registered, "TECHNOLOGY_TRANSFER")), 201);
        assertThat(r.get("dealId").asString()).isEqualTo(registered);
        assertThat(amount(r, "subsidy")).as("30 % of 100.00").isEqualTo("30.00");
    }
}
