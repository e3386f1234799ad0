package io.ttx.alerts.web;

import io.ttx.alerts.AlertsPage;
import io.ttx.alerts.NotificationView;
import io.ttx.alerts.Notifications;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.web.Cursors;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
class NotificationController {
    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    Mono<AlertsPage<NotificationView>> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) @Nullable String cursor,
                                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return notifications.list(CurrentUser.of(jwt), Cursors.id(cursor), size)
            .map(p -> new AlertsPage<>(p.items(), Cursors.ofId(p.nextCursor())));
    }

    @PostMapping("/{id}/read")
    Mono<NotificationView> markRead(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return notifications.markRead(CurrentUser.of(jwt), id);
    }
}
