package io.ttx.brokerage.domain;

/**
 * A broken rule unwinding from deep inside a command's checks to {@link Deals}, which turns it into a rejected
 * decision: the checks stay linear, and nothing outside the package ever sees this exception.
 */
final class Refusal extends RuntimeException {

    private final transient DealRejection rejection;

    private Refusal(DealRejection rejection) {
        super(rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    static Refusal forbidden(String code, String detail) {
        return new Refusal(DealRejection.forbidden(code, detail));
    }

    static Refusal conflict(String code, String detail) {
        return new Refusal(DealRejection.conflict(code, detail));
    }

    static Refusal unprocessable(String code, String detail) {
        return new Refusal(DealRejection.unprocessable(code, detail));
    }

    DealRejection rejection() {
        return rejection;
    }
}
