package io.ttx.brokerage;

import io.ttx.brokerage.domain.RoomSide;
import io.ttx.brokerage.persistence.MessageDocument;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A message of a deal's room.
 *
 * @param by   the subject who posted it
 * @param org  its organisation (absent for an administrator without one)
 * @param side the side it spoke for
 */
public record DealMessageView(String id, String by, @Nullable String org, RoomSide side, String text, Instant at) {

    static DealMessageView of(MessageDocument m) {
        return new DealMessageView(m.id(), m.by(), m.org(), m.side(), m.text(), m.at());
    }
}
