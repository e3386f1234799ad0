package io.ttx.catalogue;

import io.ttx.shared.DomainException;

/** Optimistic concurrency: the If-Match version is stale (412), or a required If-Match is missing (428). */
public final class VersionMismatch extends DomainException {
    private VersionMismatch(String code, Kind kind, String message) {
        super(code, kind, message);
    }

    public static VersionMismatch stale(String id, long current) {
        return new VersionMismatch("precondition-failed", Kind.PRECONDITION_FAILED,
            "Listing " + id + " has changed (now version " + current + "); fetch it again and reapply your change.");
    }

    public static VersionMismatch missing() {
        return new VersionMismatch("precondition-required", Kind.PRECONDITION_REQUIRED,
            "Send If-Match with the ETag of the version you are changing.");
    }
}
