package io.ttx.documents;

/** The kinds of listing that carry documents; the value is the path segment and the object-key prefix. */
public enum ListingKind {
    ACHIEVEMENT("achievements"), DEMAND("demands");

    private final String segment;

    ListingKind(String segment) {
        this.segment = segment;
    }

    public String segment() {
        return segment;
    }

    public static ListingKind ofSegment(String segment) {
        for (ListingKind k : values()) {
            if (k.segment.equals(segment)) return k;
        }
        throw new IllegalArgumentException(segment);
    }
}
