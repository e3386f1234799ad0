package io.ttx.documents;

/**
 * The kinds of rooms whose documents this module keeps for another capability (deal rooms for the brokerage). The
 * value is the object-key prefix; the owning capability decides who may read a room ({@link RoomAccess}).
 */
public enum RoomKind {
    DEAL("deals");

    private final String segment;

    RoomKind(String segment) {
        this.segment = segment;
    }

    public String segment() {
        return segment;
    }
}
