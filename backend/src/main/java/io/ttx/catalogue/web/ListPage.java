package io.ttx.catalogue.web;

import io.ttx.catalogue.ListingCatalogue;
import io.ttx.catalogue.ListingStatus;
import io.ttx.catalogue.PendingRevision.RevisionStatus;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.web.FieldErrors;
import io.ttx.shared.web.Cursors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

import java.util.List;

/** One page of a listing list as answered (achievements, demands), with the cursor of the next page. */
record ListPage<V>(List<V> items, @Nullable String nextCursor) {

    /** Lists through the catalogue with the list route's parameters, as both listing controllers do. */
    static <V> Mono<ListPage<V>> of(ListingCatalogue<?, ?, V> listings, Jwt jwt, boolean mine, @Nullable List<ListingStatus> status,
                                    @Nullable RevisionStatus revision, @Nullable String cursor, int size) {
        return listings.list(CurrentUser.of(jwt), mine, statuses(status), revision, Cursors.id(cursor), size)
            .map(p -> new ListPage<>(p.items(), Cursors.ofId(p.continueAfter())));
    }

    /** The statuses asked for: each status at most once, so at most as many as there are (400 too-many above). */
    static List<ListingStatus> statuses(@Nullable List<ListingStatus> status) {
        if (status == null) return List.of();
        int max = ListingStatus.values().length;
        if (status.size() > max) throw new MalformedInput(List.of(FieldErrors.of("status", "too-many", "at most " + max + " statuses")));
        return status;
    }
}
