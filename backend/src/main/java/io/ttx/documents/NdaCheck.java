package io.ttx.documents;

import reactor.core.publisher.Mono;

/**
 * Whether an organisation has signed an NDA on a deal for an achievement (which unlocks its confidential documents).
 * The brokerage capability provides the real answer; until it exists, nobody has.
 */
public interface NdaCheck {
    Mono<Boolean> signed(String organisation, String achievementId);
}
