package io.ttx.vouchers;

import io.ttx.catalogue.Money;
import io.ttx.vouchers.persistence.SettlementDocument;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A settlement batch as clients see it (module API): its cut-off, its lines per (issuer, provider) province, its total,
 * and per peer platform what it owes us, what we owe it and the difference (positive: the peer pays us).
 */
public record SettlementView(String id, Instant cutoff, String status, long count, Money total, List<Line> lines, String createdBy,
                             @Nullable Instant completedAt, List<Position> positions) {
    public record Line(String issuerRegion, String providerRegion, long count, Money amount) { }

    public record Position(String peer, Money owesUs, Money weOwe, Money net) { }

    static SettlementView of(SettlementDocument d) {
        List<Line> lines = d.lines() == null ? List.of()
            : d.lines().stream().map(l -> new Line(l.issuerRegion(), l.providerRegion(), l.count(), ProgrammeView.money(l.amount()))).toList();
        List<Position> positions = d.positions() == null ? List.of() : d.positions().stream().map(p -> new Position(p.peer(),
            ProgrammeView.money(p.owesUs()), ProgrammeView.money(p.weOwe()), ProgrammeView.money(Math.subtractExact(p.owesUs(), p.weOwe())))).toList();
        return new SettlementView(d.id(), d.cutoff(), d.status(), d.count(), ProgrammeView.money(d.total()), lines, d.createdBy(), d.completedAt(),
            positions);
    }
}
