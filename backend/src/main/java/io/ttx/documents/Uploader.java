package io.ttx.documents;

import org.jspecify.annotations.Nullable;

/**
 * Who adds a document to a room, as the room's owner names it: the subject, its organisation and its {@code party}
 * in the room (for a deal: SELLER, BUYER or BROKER), kept with the document and shown with it.
 */
public record Uploader(String subject, @Nullable String org, String party) { }
