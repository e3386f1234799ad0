package io.ttx.brokerage.domain;

/** How a rejection is rendered: 403, 409 or 422 (the caller maps it to its problem kinds). */
public enum RejectionKind {
    /** 403: the actor's relation to the deal does not allow the command. */
    FORBIDDEN(403),
    /** 409: the command does not fit the deal's current state (stage, signatures, versions, closed years). */
    CONFLICT(409),
    /** 422: the command's content breaks a business rule. */
    UNPROCESSABLE(422);

    private final int status;

    RejectionKind(int status) {
        this.status = status;
    }

    /** The HTTP status this kind stands for. */
    public int status() {
        return status;
    }
}
