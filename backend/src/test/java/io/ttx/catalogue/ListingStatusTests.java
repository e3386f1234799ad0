package io.ttx.catalogue;

import io.ttx.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumMap;
import java.util.Map;

import static io.ttx.catalogue.ListingAction.*;
import static io.ttx.catalogue.ListingStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ListingStatusTests {

    /** The expected next status (review required) for every allowed pair; every pair not listed is illegal. */
    private static final Map<ListingStatus, Map<ListingAction, ListingStatus>> TABLE = new EnumMap<>(ListingStatus.class);

    static {
        TABLE.put(DRAFT, Map.of(EDIT, DRAFT, SUBMIT, UNDER_REVIEW, WITHDRAW, WITHDRAWN, DELETE, WITHDRAWN, PRICE_HINT, DRAFT));
        TABLE.put(UNDER_REVIEW, Map.of(APPROVE, PUBLISHED, REQUEST_CHANGES, RECTIFICATION_REQUIRED, REJECT, REJECTED,
            WITHDRAW, WITHDRAWN, PRICE_HINT, UNDER_REVIEW));
        TABLE.put(RECTIFICATION_REQUIRED, Map.of(EDIT, RECTIFICATION_REQUIRED, SUBMIT, UNDER_REVIEW, WITHDRAW, WITHDRAWN,
            PRICE_HINT, RECTIFICATION_REQUIRED));
        TABLE.put(PUBLISHED, Map.of(EDIT, PUBLISHED, WITHDRAW, WITHDRAWN, RENEW, PUBLISHED, EXPIRE, EXPIRED, PRICE_HINT, PUBLISHED,
            REVISION_SUBMITTED, PUBLISHED, REVISION_APPROVED, PUBLISHED, REVISION_DROPPED, PUBLISHED, TRANSFER, TRANSFERRED));
        TABLE.put(EXPIRED, Map.of(RENEW, PUBLISHED, WITHDRAW, WITHDRAWN, PRICE_HINT, EXPIRED, TRANSFER, TRANSFERRED));
        TABLE.put(REJECTED, Map.of());
        TABLE.put(WITHDRAWN, Map.of());
        TABLE.put(TRANSFERRED, Map.of());
    }

    @Test
    void aListingThatDoesNotExistYetCanOnlyBeCreatedAsADraft() {
        assertThat(ListingStatus.next(null, CREATE, true, "ach-1")).isEqualTo(DRAFT);
        for (ListingAction action : ListingAction.values()) {
            if (action == CREATE) continue;
            assertThatThrownBy(() -> ListingStatus.next(null, action, true, "ach-1")).isInstanceOf(IllegalTransition.class);
        }
        assertThatThrownBy(() -> ListingStatus.next(DRAFT, CREATE, true, "ach-1")).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void tableCoversEveryStatus() {
        assertThat(TABLE.keySet()).containsExactlyInAnyOrder(ListingStatus.values());
    }

    @Test
    void followsTheTransitionTableForEveryStatusAndAction() {
        int legal = 0;
        int illegal = 0;
        for (ListingStatus status : ListingStatus.values()) {
            for (ListingAction action : ListingAction.values()) {
                ListingStatus expected = TABLE.get(status).get(action);
                if (expected != null) {
                    assertThat(status.allows(action)).as("%s allows %s", status, action).isTrue();
                    assertThat(status.after(action, true, "ach_1")).as("%s after %s", status, action).isEqualTo(expected);
                    legal++;
                } else {
                    assertThat(status.allows(action)).as("%s allows %s", status, action).isFalse();
                    IllegalTransition e = catchThrowableOfType(IllegalTransition.class, () -> status.after(action, true, "ach_1"));
                    assertThat(e).as("%s after %s", status, action).isNotNull();
                    assertThat(e.code()).isEqualTo("illegal-transition");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.properties()).containsEntry("currentStatus", status.name());
                    illegal++;
                }
            }
        }
        assertThat(legal).isEqualTo(27);
        assertThat(illegal).isEqualTo(ListingStatus.values().length * ListingAction.values().length - 27);
    }

    @Test
    void reviewSwitchChangesOnlySubmission() {
        for (ListingStatus status : ListingStatus.values()) {
            for (ListingAction action : ListingAction.values()) {
                if (!status.allows(action) || action == SUBMIT) continue;
                assertThat(status.after(action, false, "ach_1")).isEqualTo(status.after(action, true, "ach_1"));
            }
        }
    }

    @Test
    void submitGoesToReviewWhenReviewIsRequired() {
        assertThat(DRAFT.after(SUBMIT, true, "ach_1")).isEqualTo(UNDER_REVIEW);
        assertThat(RECTIFICATION_REQUIRED.after(SUBMIT, true, "ach_1")).isEqualTo(UNDER_REVIEW);
    }

    @Test
    void submitPublishesDirectlyWhenReviewIsSwitchedOff() {
        assertThat(DRAFT.after(SUBMIT, false, "dem_1")).isEqualTo(PUBLISHED);
        assertThat(RECTIFICATION_REQUIRED.after(SUBMIT, false, "dem_1")).isEqualTo(PUBLISHED);
    }

    @Test
    void createIsNeverATransition() {
        for (ListingStatus status : ListingStatus.values()) assertThat(status.allows(CREATE)).isFalse();
    }

    @Test
    void illegalTransitionNamesTheListingStatusAndAction() {
        assertThatThrownBy(() -> PUBLISHED.after(APPROVE, true, "ach_42"))
            .isInstanceOf(IllegalTransition.class)
            .hasMessageContaining("ach_42").hasMessageContaining("PUBLISHED").hasMessageContaining("APPROVE");
    }

    @Test
    void onlyPublishedIsPublic() {
        for (ListingStatus status : ListingStatus.values()) {
            assertThat(status.isPublic()).as("%s", status).isEqualTo(status == PUBLISHED);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ListingStatus.class, names = {"REJECTED", "WITHDRAWN"})
    void terminalStatusesAllowNothing(ListingStatus status) {
        for (ListingAction action : ListingAction.values()) {
            assertThat(status.allows(action)).as("%s allows %s", status, action).isFalse();
            assertThatThrownBy(() -> status.after(action, false, "ach_1")).isInstanceOf(IllegalTransition.class);
        }
    }

    @Test
    void withdrawalEndsEveryOpenListing() {
        for (ListingStatus status : new ListingStatus[] {DRAFT, UNDER_REVIEW, RECTIFICATION_REQUIRED, PUBLISHED, EXPIRED}) {
            assertThat(status.after(WITHDRAW, true, "ach_1")).isEqualTo(WITHDRAWN);
        }
    }
}
