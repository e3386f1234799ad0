package io.ttx.shared.outbox;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Deleting an aggregate that other modules must hear about. Its events live inside its own document, and the relay
 * can only deliver what is still there: a document removed in the same write as its deletion event would take the
 * event with it. So a deletion marks the document {@value #FIELD} and appends its event in one write; from then on
 * its store reads past it as if it were gone, and {@link DeletionSweep} removes it once the relay has delivered every
 * event it carries.
 */
public final class Deletions {
    /** The field that marks a document deleted (absent on every live document). */
    public static final String FIELD = "deleted";

    private Deletions() { }

    /** {@code update} that also marks the document deleted. */
    public static Update mark(Update update) {
        return update.set(FIELD, true);
    }

    /** {@code criteria} restricted to documents not marked deleted: what every read of such a store must add. */
    public static Criteria notDeleted(Criteria criteria) {
        return criteria.and(FIELD).ne(true);
    }
}
