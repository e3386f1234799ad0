package io.ttx.catalogue;

import io.ttx.catalogue.persistence.AchievementDocument;
import io.ttx.catalogue.persistence.PendingEvent;
import org.jspecify.annotations.Nullable;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Builds the next version of a listing document: status, dates, trail entry and event, all in one value. */
final class ListingChanges {
    private ListingChanges() { }

    static PendingEvent event(String aggregate, ListingAction action, long version, Instant at) {
        return new PendingEvent(UUID.randomUUID().toString(), action.eventType(aggregate), version, at);
    }

    static AchievementDocument apply(AchievementDocument d, ListingAction action, ListingStatus next, String by, @Nullable String org,
                                     @Nullable String note, AchievementInput content, @Nullable List<String> changedFields,
                                     Instant now, Duration validity) {
        long version = d.version() + 1;
        boolean publishing = next == ListingStatus.PUBLISHED && d.status() != ListingStatus.PUBLISHED;
        Instant publishedAt = publishing && action != ListingAction.RENEW ? now : d.publishedAt();
        Instant expiresAt = publishing || action == ListingAction.RENEW ? now.plus(validity) : d.expiresAt();
        List<HistoryEntry> history = new ArrayList<>(d.history());
        history.add(new HistoryEntry(now, by, org, action, d.status(), next, note, changedFields));
        List<PendingEvent> events = new ArrayList<>(d.pendingEvents());
        events.add(event(Achievements.AGGREGATE, action, version, now));
        return new AchievementDocument(d.id(), d.ownerOrg(), d.createdBy(), next, version, d.createdAt(), now, publishedAt,
            expiresAt, content, d.askingPriceFen(), d.priceHint(), List.copyOf(history), List.copyOf(events));
    }

    static AchievementDocument withPriceHint(AchievementDocument d, PriceHint hint) {
        return new AchievementDocument(d.id(), d.ownerOrg(), d.createdBy(), d.status(), d.version(), d.createdAt(), d.updatedAt(),
            d.publishedAt(), d.expiresAt(), d.content(), d.askingPriceFen(), hint, d.history(), d.pendingEvents());
    }

    /** Top-level fields whose values differ, for the trail of an edit. */
    static List<String> changedFields(AchievementInput before, AchievementInput after) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : AchievementInput.class.getRecordComponents()) {
            try {
                if (!Objects.equals(c.getAccessor().invoke(before), c.getAccessor().invoke(after))) out.add(c.getName());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** What everyone may see: contact details and encumbrances stay with the owner until an NDA. */
    static AchievementInput publicContent(AchievementInput c) {
        return new AchievementInput(c.title(), c.summary(), c.problemSolved(), c.advantages(), c.technicalIndicators(),
            c.applications(), c.commercialAnalysis(), c.keywords(), c.field(), c.ipcCodes(), c.industryCode(), c.region(),
            c.trl(), c.stage(), c.form(), c.ownerType(), c.inventors(), null, c.patents(), c.openLicence(), c.openLicenceFee(),
            null, c.offer());
    }
}
