package io.ttx.vouchers.persistence;

import io.ttx.vouchers.domain.Programme;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.List;

/**
 * A programme as stored: the domain state (with its budget counters), the copies the list filters on, and the
 * issuances under way ({@code pending}): each took budget and is removed once its voucher is written, or given back by
 * the recovery sweep when a crash left it half-way.
 */
public record ProgrammeDocument(@Id String id, Programme programme, String region, long version, List<PendingIssue> pending) {

    /** An issuance under way: the voucher's id, face value and the yearly cap counters it takes. */
    public record PendingIssue(String voucherId, long face, String holderCap, String controllerCap, Instant at) { }

    public static ProgrammeDocument of(Programme p) {
        return new ProgrammeDocument(p.id(), p, p.region(), p.version(), List.of());
    }
}
