package io.ttx.brokerage;

import io.ttx.brokerage.domain.TenderOffer;
import io.ttx.catalogue.Money;

import java.time.Instant;

/** A tender offer (module API): shown to its own organisation at any time, to the seller and broker after the close. */
public record OfferView(String id, String tenderId, String org, Money amount, String proposal, Instant submittedAt, int revision) {
    static OfferView of(TenderOffer o) {
        return new OfferView(o.id(), o.tenderId(), o.org(), DealView.money(o.amount()), o.proposal(), o.submittedAt(), o.revision());
    }
}
