package io.ttx.vouchers;

import io.ttx.identity.CurrentUser;
import io.ttx.shared.Ids;
import io.ttx.vouchers.domain.Programme;
import io.ttx.vouchers.domain.ProgrammeDraft;
import io.ttx.vouchers.domain.Programmes;
import io.ttx.vouchers.persistence.ProgrammeDocument;
import io.ttx.vouchers.persistence.ProgrammeStore;
import io.ttx.vouchers.persistence.VoucherStore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/** Voucher programmes (module API): created by a region admin of their province, read by every authenticated caller. */
@Service
public class VoucherProgrammes {
    static final String ID_PREFIX = "vpg";
    private final ProgrammeStore programmes;
    private final VoucherStore vouchers;
    private final Clock clock;

    VoucherProgrammes(ProgrammeStore programmes, VoucherStore vouchers, Clock clock) {
        this.programmes = programmes;
        this.vouchers = vouchers;
        this.clock = clock;
    }

    /** See {@link Programmes#create}: 403 for anyone but a region admin of the programme's province, 422 invalid-programme. */
    public Mono<ProgrammeView> create(CurrentUser user, ProgrammeDraft draft) {
        return Mono.defer(() -> {
            var now = clock.instant();
            Programme p = VoucherProblem.decided(Programmes.create(Ids.next(ID_PREFIX, now), draft, VoucherCallers.of(user), now));
            return programmes.insert(ProgrammeDocument.of(p)).map(d -> ProgrammeView.of(d.programme()));
        });
    }

    public Mono<ProgrammeView> get(String id) {
        return programmes.find(id).flatMap(this::withTotals)
            .switchIfEmpty(Mono.error(() -> VoucherProblem.notFound("voucher programme", id)));
    }

    private Mono<ProgrammeView> withTotals(ProgrammeDocument d) {
        return vouchers.totals(d.id()).map(t -> ProgrammeView.of(d.programme().withTotals(t.redeemed(), t.returned())));
    }

    /** Newest first, optionally of one province. */
    public Mono<List<ProgrammeView>> list(@Nullable String region, @Nullable String before, int size) {
        return programmes.page(region, before, size).concatMap(this::withTotals).collectList();
    }
}
