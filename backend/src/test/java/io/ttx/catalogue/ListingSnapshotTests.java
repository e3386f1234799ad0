package io.ttx.catalogue;

import io.ttx.catalogue.persistence.AchievementDocument;
import io.ttx.catalogue.persistence.DemandDocument;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What other capabilities read of a listing: public content only, and "live" exactly as search shows listings. */
class ListingSnapshotTests {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void anAchievementSnapshotLeavesContactAndEncumbrancesInTheCatalogue() {
        AchievementInput content = AchievementFixtures.JSON.treeToValue(AchievementFixtures.body(b ->
            b.putArray("ipcCodes").add("H01M 10/48").add("G06N 3/08").add("H01M 4/00")), AchievementInput.class);
        assertThat(content.contact()).isNotNull();
        assertThat(content.encumbrances()).isNotEmpty();

        AchievementSnapshot s = AchievementSnapshot.of(achievement(ListingStatus.PUBLISHED, NOW.plus(Duration.ofDays(1)), content));

        assertThat(s.content().contact()).isNull();
        assertThat(s.content().encumbrances()).isNull();
        assertThat(s.content().title()).isEqualTo(content.title());
        assertThat(s.content().offer()).isEqualTo(content.offer());
        assertThat(s.askingPriceFen()).isEqualTo(120_000_000L);
        assertThat(s.ipcSections()).containsExactly("H", "G");
    }

    @Test
    void liveMeansPublishedAndNotYetExpired() {
        AchievementInput content = AchievementFixtures.JSON.treeToValue(AchievementFixtures.body(), AchievementInput.class);
        assertThat(AchievementSnapshot.of(achievement(ListingStatus.PUBLISHED, NOW.plusMillis(1), content)).liveAt(NOW)).isTrue();
        assertThat(AchievementSnapshot.of(achievement(ListingStatus.PUBLISHED, NOW, content)).liveAt(NOW)).isFalse();
        assertThat(AchievementSnapshot.of(achievement(ListingStatus.PUBLISHED, null, content)).liveAt(NOW)).isFalse();
        assertThat(AchievementSnapshot.of(achievement(ListingStatus.UNDER_REVIEW, NOW.plus(Duration.ofDays(1)), content)).liveAt(NOW)).isFalse();
        assertThat(AchievementSnapshot.of(achievement(ListingStatus.EXPIRED, NOW.plus(Duration.ofDays(1)), content)).liveAt(NOW)).isFalse();
    }

    @Test
    void aDemandSnapshotCarriesItsBudgetInFen() {
        DemandInput content = new DemandInput(new LocalizedText("储能需求", null), new LocalizedText("需要储能方案", null), TechField.NEW_ENERGY,
            null, null, null, null, new Money("500000.00", "CNY"), null, null, "330100", null, null, null, null);
        DemandSnapshot s = DemandSnapshot.of(new DemandDocument("dem_1", "91330100MA2XXXXX0A", "u", ListingStatus.PUBLISHED, 4, NOW, NOW,
            NOW, NOW.plus(Duration.ofDays(30)), content, 50_000_000L, null, List.of(), List.of()));
        assertThat(s.budgetFen()).isEqualTo(50_000_000L);
        assertThat(s.version()).isEqualTo(4);
        assertThat(s.liveAt(NOW)).isTrue();
    }

    private static AchievementDocument achievement(ListingStatus status, Instant expiresAt, AchievementInput content) {
        return new AchievementDocument("ach_1", "12330100202401371E", "u", status, 3, NOW, NOW, NOW, expiresAt, content,
            120_000_000L, null, null, List.of(), List.of());
    }
}
