package io.ttx.alerts.webhooks;

import io.ttx.alerts.persistence.DeliveryDocument;
import io.ttx.alerts.persistence.NotificationDocument;
import io.ttx.alerts.persistence.SavedSearchDocument;
import io.ttx.catalogue.LocalizedText;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON body of a saved-search match delivery, built from stored data only, so every retry sends the same bytes
 * (apart from the signature's timestamp, which is a header).
 */
final class WebhookPayload {
    static final String TYPE = "saved-search.match";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookPayload() { }

    static byte[] of(DeliveryDocument d, NotificationDocument n, SavedSearchDocument s) {
        LocalizedText t = Objects.requireNonNull(n.title(), "a saved-search match has a title");
        Map<String, Object> title = new LinkedHashMap<>();
        if (t.zh() != null) title.put("zh", t.zh());
        if (t.en() != null) title.put("en", t.en());
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", n.achievementId());
        achievement.put("title", title);
        achievement.put("url", "/api/v1/achievements/" + n.achievementId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", d.id());
        body.put("type", TYPE);
        body.put("createdAt", n.createdAt().toString());
        body.put("notificationId", n.id());
        Map<String, Object> savedSearch = new LinkedHashMap<>();
        savedSearch.put("id", s.id());
        savedSearch.put("name", s.name());
        body.put("savedSearch", savedSearch);
        body.put("achievement", achievement);
        return JSON.writeValueAsBytes(body);
    }
}
