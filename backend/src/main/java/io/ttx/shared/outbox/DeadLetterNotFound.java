package io.ttx.shared.outbox;

import io.ttx.shared.DomainException;

/** No dead letter with this id (never was, or it was retried already). */
public final class DeadLetterNotFound extends DomainException {
    DeadLetterNotFound(String id) {
        super("dead-letter-not-found", Kind.NOT_FOUND, "No dead letter " + id + ".");
    }
}
