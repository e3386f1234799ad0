package io.ttx.catalogue;

import reactor.core.publisher.Mono;

/**
 * Whether an organisation has signed an NDA on a deal for an achievement (module API, a port the brokerage capability
 * answers): it unlocks the achievement's contact and encumbrances here and its confidential documents in documents.
 */
public interface NdaCheck {
    Mono<Boolean> signed(String organisation, String achievementId);
}
