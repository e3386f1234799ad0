package io.ttx.documents;

/**
 * The events a document records (module API), stored in its metadata record and relayed by the outbox. Consumers
 * (the search index refreshes a listing when its document text was extracted, approved or deleted) compare an
 * event's type with these names rather than repeating string literals; the names are stored, so they never change.
 */
public final class DocumentEvents {
    /** The aggregate type of these events: the outbox source over the {@code documents} collection. */
    public static final String AGGREGATE_TYPE = "document";
    /** Metadata written after the object was stored; starts text extraction for public PDF and Office documents. */
    public static final String UPLOADED = "DocumentUploaded";
    /** Extraction ended (text recorded, or marked failed): the listing's public document text may have changed. */
    public static final String TEXT_EXTRACTED = "DocumentTextExtracted";
    /** A review of its published listing approved a public document that was waiting: it is public now. */
    public static final String APPROVED = "DocumentApproved";
    /** A review of its published listing refused a public document that was waiting: it stays hidden. */
    public static final String REJECTED = "DocumentRejected";
    /** Deleted (by its owner, or with its draft listing): gone for readers; its text leaves its listing in the index. */
    public static final String DELETED = "DocumentDeleted";

    private DocumentEvents() { }
}
