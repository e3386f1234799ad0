package io.ttx.search.reindex;

import io.ttx.shared.DomainException;

public final class ReindexJobNotFound extends DomainException {
    public ReindexJobNotFound() {
        super("reindex-job-not-found", Kind.NOT_FOUND, "No such reindex job.");
    }
}
