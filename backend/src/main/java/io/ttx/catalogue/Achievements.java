package io.ttx.catalogue;

import io.ttx.catalogue.persistence.AchievementDocument;
import io.ttx.catalogue.persistence.AchievementStore;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.shared.outbox.OutboxRelay;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * The achievements catalogue (module API): the listing operations of {@link ListingCatalogue} under the
 * {@link AchievementPolicy}, plus what valuations need (facts, publishing a price hint).
 */
@Service
public class Achievements extends ListingCatalogue<AchievementInput, AchievementDocument, AchievementView> {
    private final AchievementStore store;
    private final NdaCheck nda;

    Achievements(AchievementStore store, OutboxRelay relay, CatalogueProperties props, Clock clock, NdaCheck nda) {
        super(new ListingLifecycle<>(store, new AchievementPolicy(props), relay, clock));
        this.store = store;
        this.nda = nda;
    }

    /** As every listing, except that an organisation with a signed NDA on a deal for it also sees contact and encumbrances. */
    @Override
    public Mono<AchievementView> get(CurrentUser user, String id) {
        return lifecycle.visible(user, id).flatMap(d -> {
            AchievementView v = lifecycle.view(user, d);
            if (user.org() == null || ListingAccess.seesFull(user, d.ownerOrg())) return Mono.just(v);
            return nda.signed(user.org(), id).map(signed -> signed ? AchievementPolicy.withConfidential(v, d.content()) : v);
        });
    }

    /** What a deal on the achievement needs (404 when the caller cannot see it). */
    public Mono<DealFacts> dealFacts(CurrentUser user, String id) {
        return lifecycle.visible(user, id).map(d -> AchievementPolicy.dealFacts(d, lifecycle.effectiveStatus(d)));
    }

    /** What a deal on the achievement needs, whoever asks (for commands on deals already open); empty when it is gone. */
    public Mono<DealFacts> dealFacts(String id) {
        return store.find(id).map(d -> AchievementPolicy.dealFacts(d, lifecycle.effectiveStatus(d)));
    }

    /**
     * Marks the achievement TRANSFERRED after a signed assignment (deal {@code dealId}), with its trail entry and event;
     * repeatable: an achievement already transferred is left as it is. Empty when it does not exist.
     */
    public Mono<AchievementView> transfer(String id, String dealId) {
        return lifecycle.systemStep(id, ListingAction.TRANSFER, ListingStatus.TRANSFERRED, "deal " + dealId);
    }

    /** The facts a valuation needs, with the caller's grant (404 when the caller cannot see the achievement). */
    public Mono<AchievementFacts> facts(CurrentUser user, String id) {
        return lifecycle.visible(user, id).map(d -> new AchievementFacts(lifecycle.grantOf(user, d), d.content().trl(),
            Boolean.TRUE.equals(d.content().openLicence()), d.content().field()));
    }

    /**
     * Makes a valuation's recommended range the listing's public price hint (owner organisation's TTO only): one
     * conditional write with its trail entry and event, so search shows the hint too.
     */
    public Mono<AchievementView> publishPriceHint(CurrentUser user, String id, PriceHint hint) {
        return lifecycle.amend(user, id, ListingAction.PRICE_HINT, "valuation " + hint.valuationId(),
            d -> d.with(d.askingPriceFen(), hint), Role.TTO);
    }

    /** The stored document, for capabilities that derive read models from it (search). */
    public Mono<AchievementDocument> document(String id) {
        return store.find(id);
    }
}
