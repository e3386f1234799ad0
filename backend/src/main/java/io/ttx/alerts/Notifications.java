package io.ttx.alerts;

import io.ttx.alerts.persistence.NotificationStore;
import io.ttx.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** The caller's notifications (module API): newest first, paged; marking one read. Others' notifications are 404. */
@Service
public class Notifications {
    private final NotificationStore store;
    private final Clock clock;

    Notifications(NotificationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Mono<AlertsPage<NotificationView>> list(CurrentUser user, @Nullable String cursor, int size) {
        return store.of(user.subject(), cursor, size + 1).collectList()
            .map(rows -> AlertsPage.of(rows, size, r -> r.id(), NotificationView::of));
    }

    /** Marks it read (again is harmless: the first reading time stays). */
    public Mono<NotificationView> markRead(CurrentUser user, String id) {
        return store.markRead(id, user.subject(), clock.instant().truncatedTo(ChronoUnit.MILLIS))
            .switchIfEmpty(Mono.error(() -> new NotificationNotFound(id)))
            .map(NotificationView::of);
    }
}
