package io.ttx.brokerage.persistence;

import io.ttx.brokerage.domain.Tender;
import org.springframework.data.annotation.Id;

/**
 * A tender as stored: the domain state and top-level copies for queries. {@code dealPending}: awarded, and its deal not
 * yet known to be written (the award writes it and clears the flag; the tenders' repair finishes a crashed award).
 */
public record TenderDocument(@Id String id, Tender tender, String achievementId, String state, long version, boolean dealPending) {

    public static TenderDocument of(Tender t, boolean dealPending) {
        return new TenderDocument(t.id(), t, t.achievementId(), t.state().name(), t.version(), dealPending);
    }
}
