package io.ttx.search.reindex;

import io.ttx.shared.DomainException;

/** Only one rebuild at a time across all replicas (409). */
public final class ReindexRunning extends DomainException {
    public ReindexRunning() {
        super("reindex-running", Kind.CONFLICT, "A search reindex is already running; follow it and retry when it is done.");
    }
}
