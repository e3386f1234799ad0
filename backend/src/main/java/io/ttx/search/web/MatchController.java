package io.ttx.search.web;

import io.ttx.catalogue.AchievementSnapshot;
import io.ttx.catalogue.Achievements;
import io.ttx.catalogue.DemandSnapshot;
import io.ttx.catalogue.Demands;
import io.ttx.catalogue.ListingSnapshots;
import io.ttx.catalogue.NotOwner;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.search.Match;
import io.ttx.search.elastic.MatchEngine;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Docking: similar achievements, achievements for a demand, demands for an achievement. The source listing must be
 * visible to the caller (404 otherwise, as for reading it); demands for an achievement are for its owner
 * organisation and for brokers (403 for others who can see the achievement). Visibility is the catalogue's answer to
 * reading the listing; what is matched is its snapshot (public content).
 */
@RestController
class MatchController {
    private final Achievements achievements;
    private final Demands demands;
    private final ListingSnapshots<AchievementSnapshot> achievementSnapshots;
    private final ListingSnapshots<DemandSnapshot> demandSnapshots;
    private final MatchEngine engine;

    MatchController(Achievements achievements, Demands demands, ListingSnapshots<AchievementSnapshot> achievementSnapshots,
                    ListingSnapshots<DemandSnapshot> demandSnapshots, MatchEngine engine) {
        this.achievements = achievements;
        this.demands = demands;
        this.achievementSnapshots = achievementSnapshots;
        this.demandSnapshots = demandSnapshots;
        this.engine = engine;
    }

    @GetMapping(path = "/api/v1/achievements/{id}/similar", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Match.Page> similar(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> SearchParams.matchSize(params)).flatMap(size -> achievements.get(CurrentUser.of(jwt), id)
            .then(achievementSnapshots.snapshot(id)).flatMap(a -> engine.similar(a, size))).map(Match.Page::new);
    }

    @GetMapping(path = "/api/v1/demands/{id}/matches", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Match.Page> achievementsForDemand(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> SearchParams.matchSize(params)).flatMap(size -> demands.get(CurrentUser.of(jwt), id)
            .then(demandSnapshots.snapshot(id)).flatMap(d -> engine.achievementsFor(d, size))).map(Match.Page::new);
    }

    @GetMapping(path = "/api/v1/achievements/{id}/demand-matches", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Match.Page> demandsForAchievement(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
        CurrentUser user = CurrentUser.of(jwt);
        return Mono.fromCallable(() -> SearchParams.matchSize(params)).flatMap(size -> achievements.get(user, id)
            .then(achievementSnapshots.snapshot(id))
            .flatMap(a -> user.belongsTo(a.ownerOrg()) || user.hasAny(Role.BROKER, Role.ADMIN) ? engine.demandsFor(a, size)
                : Mono.error(new NotOwner("Demand matches of an achievement are for its owner organisation and brokers."))))
            .map(Match.Page::new);
    }
}
