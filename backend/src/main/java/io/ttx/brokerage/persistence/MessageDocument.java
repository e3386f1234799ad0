package io.ttx.brokerage.persistence;

import io.ttx.brokerage.domain.RoomSide;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * One message of a deal's room, as stored in {@code deal_messages}: written once, never changed. The id is time-ordered
 * ({@code msg_}), so newest first is a range on {@code _id} within the deal.
 *
 * @param by   the subject who posted it
 * @param org  its organisation (null for an administrator without one)
 * @param text stripped, NFC, 1 to 4,000 code points
 */
public record MessageDocument(@Id String id, String dealId, String by, @Nullable String org, RoomSide side, String text, Instant at) { }
