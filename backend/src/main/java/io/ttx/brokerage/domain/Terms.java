package io.ttx.brokerage.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Terms of a grant as date intervals: both ends inclusive, a null end open; an end before the start is empty. */
public final class Terms {

    private Terms() {
    }

    /** Whether the two terms share at least one day. */
    public static boolean intersect(LocalDate startA, @Nullable LocalDate endA, LocalDate startB,
            @Nullable LocalDate endB) {
        if (isEmpty(startA, endA) || isEmpty(startB, endB)) {
            return false;
        }
        return (endB == null || !startA.isAfter(endB)) && (endA == null || !startB.isAfter(endA));
    }

    private static boolean isEmpty(LocalDate start, @Nullable LocalDate end) {
        return end != null && end.isBefore(start);
    }
}
