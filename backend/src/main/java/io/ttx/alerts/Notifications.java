package io.ttx.alerts;

import io.ttx.alerts.persistence.NotificationStore;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The caller's notifications (module API): those addressed to the caller and those addressed to its organisation in
 * one of its roles (a deal's party), newest first, paged; marking one read, for the caller alone. Notifications the
 * caller does not see are 404.
 */
@Service
public class Notifications {
    private final NotificationStore store;
    private final Clock clock;

    Notifications(NotificationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Mono<AlertsPage<NotificationView>> list(CurrentUser user, @Nullable String cursor, int size) {
        return store.of(reader(user), cursor, size + 1).collectList()
            .map(rows -> AlertsPage.of(rows, size, r -> r.id(), d -> NotificationView.of(d, user.subject())));
    }

    /** Marks it read for the caller (again is harmless: the first reading time stays). */
    public Mono<NotificationView> markRead(CurrentUser user, String id) {
        return store.markRead(id, reader(user), clock.instant().truncatedTo(ChronoUnit.MILLIS))
            .switchIfEmpty(Mono.error(() -> new NotificationNotFound(id)))
            .map(d -> NotificationView.of(d, user.subject()));
    }

    private static NotificationStore.Reader reader(CurrentUser user) {
        return new NotificationStore.Reader(user.subject(), user.org(), user.roles().stream().map(Role::claim).toList());
    }
}
