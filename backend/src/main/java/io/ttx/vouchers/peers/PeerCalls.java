package io.ttx.vouchers.peers;

import org.jspecify.annotations.Nullable;

/**
 * How a call to a peer ended when it did not answer 2xx: the peer refused (a 4xx problem: its status and code, final),
 * the peer did not answer in time after it may have acted (unknown), or the peer is unavailable (down, 5xx after the
 * retries, the circuit open: nothing happened there that we know of).
 */
public final class PeerCalls {
    private PeerCalls() { }

    /** A 4xx answer of the peer: final, with its problem code. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String code;

        public Refused(int status, String code, @Nullable String detail) {
            super(detail == null ? code : detail, null, false, false);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    /**
     * The peer is unreachable, answered 5xx or not in time after the retries, or its circuit is open; {@code reached}:
     * the request may have arrived and been acted upon (5xx, timeout), so only asking the peer tells the outcome.
     */
    public static final class Unavailable extends RuntimeException {
        private final boolean reached;

        public Unavailable(String message, boolean reached, @Nullable Throwable cause) {
            super(message, cause, false, false);
            this.reached = reached;
        }

        public boolean reached() {
            return reached;
        }
    }
}
