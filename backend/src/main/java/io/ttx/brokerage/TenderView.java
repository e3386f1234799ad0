package io.ttx.brokerage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ttx.brokerage.DealView.BrokerView;
import io.ttx.brokerage.DealView.TermSheetView;
import io.ttx.brokerage.domain.Broker;
import io.ttx.brokerage.domain.Tender;
import io.ttx.brokerage.domain.TenderStatus;
import io.ttx.catalogue.Money;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A tender as clients see it (module API): never an offer's content, only their count. {@code dealId} is null until an
 * offer is awarded. The term sheet is the one the deal will have, its upfront replaced by the awarded offer's amount.
 */
public record TenderView(String id, String achievementId, String sellerOrg, @Nullable BrokerView broker, TenderStatus status,
                         @Nullable Money minimumPrice, Instant closesAt, long offerCount, TermSheetView termSheet,
                         @Nullable String awardedOffer, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String dealId,
                         Instant createdAt, Instant updatedAt) {

    static TenderView of(Tender t, long offers, Instant now) {
        Broker b = t.broker();
        return new TenderView(t.id(), t.achievementId(), t.sellerOrg(), b == null ? null : new BrokerView(b.org(), b.subject()),
            t.status(now), t.minimumPrice() == null ? null : DealView.money(t.minimumPrice()), t.closesAt(), offers,
            DealView.sheet(t.termSheet()), t.awardedOffer(), t.dealId(), t.createdAt(), t.updatedAt());
    }
}
