package io.ttx.catalogue;

/**
 * What a caller may do with a listing they can see, for capabilities that hang things off listings (documents,
 * valuations): {@code owner} = may manage it; {@code confidential} = may see confidential material without an NDA.
 */
public record ListingGrant(String id, String ownerOrg, ListingStatus status, boolean owner, boolean confidential) { }
