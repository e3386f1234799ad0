package io.ttx.shared.jobs;

/** Another replica took the lease while a round was running: the round stops before it writes anything more. */
public final class LeaseLost extends RuntimeException {
    public LeaseLost(String lease) {
        super("lease " + lease + " was taken over by another replica", null, false, false);
    }
}
