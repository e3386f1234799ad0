package io.ttx.brokerage.persistence;

/** The counters of a deal's room kept on its deal document: how many documents and messages it holds (or is taking). */
public enum RoomCounter {
    DOCUMENTS("roomDocuments"), MESSAGES("roomMessages");

    private final String field;

    RoomCounter(String field) {
        this.field = field;
    }

    String field() {
        return field;
    }
}
