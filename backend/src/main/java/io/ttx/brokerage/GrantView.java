package io.ttx.brokerage;

import io.ttx.brokerage.domain.TransferMode;
import io.ttx.brokerage.persistence.RegisterDocument.SignedGrant;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A grant signed on an achievement: the deal, what it grants where and for how long (the end of a terminated one is its termination). */
public record GrantView(String dealId, TransferMode transferMode, List<String> fieldOfUse, List<String> territory, LocalDate termStart,
                        @Nullable LocalDate termEnd, Instant signedAt) {
    static GrantView of(SignedGrant g) {
        return new GrantView(g.dealId(), g.grant().mode(), g.grant().fieldOfUse(), g.grant().territory(), g.grant().termStart(),
            g.grant().termEnd(), g.reservedAt());
    }
}
