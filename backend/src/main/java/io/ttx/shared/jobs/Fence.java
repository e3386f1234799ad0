package io.ttx.shared.jobs;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A job's MongoDB writes under its lease carry the lease's token (docs/decisions.md, "Several replicas"): each written
 * document keeps the highest token that wrote it in {@code field}, and a write only matches while that is missing or
 * not above this token. Once a replica that took the lease over has written a document, the replica it took it from
 * can no longer write it, even in the moment between its last renewal and its write.
 *
 * @param lease the lease's name (for {@link #lost()})
 */
public record Fence(String lease, String field, long token) {
    /** Where sweeps keep their tokens in the documents they write: one field per lease, since tokens of different leases do not compare. */
    public static final String FIELDS = "fences";

    /** No fence: the same write made outside any lease (request handling, the outbox relay's consumers). */
    public static final Fence NONE = new Fence("", "", Long.MAX_VALUE);

    /** The fence of {@code lease} at {@code token}, kept in {@code fences.<lease>} of each document written. */
    public static Fence of(String lease, long token) {
        return new Fence(lease, FIELDS + "." + lease, token);
    }

    /** {@code base} and "no newer holder wrote this document" (the field is missing or not above this token). */
    public Criteria on(Criteria base) {
        if (field.isEmpty()) return base;
        return new Criteria().andOperator(base, Criteria.where(field).not().gt(token));
    }

    /** Marks the document as written under this token (never lowers a newer one). */
    public Update mark(Update update) {
        if (field.isEmpty()) return update;
        return update.max(field, token);
    }

    /** What a write refused by the fence means: another replica holds the lease now. */
    public LeaseLost lost() {
        return new LeaseLost(lease);
    }
}
