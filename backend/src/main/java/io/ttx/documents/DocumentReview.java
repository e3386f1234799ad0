package io.ttx.documents;

/**
 * Where a public document added to a published listing stands in the listing's review (module API): PENDING until a
 * review approves the listing's changes, REJECTED when the review drops them. Only the owner organisation and the
 * reviewers see such documents; everyone else, and the search index, only documents without a review state.
 */
public enum DocumentReview { PENDING, REJECTED }
