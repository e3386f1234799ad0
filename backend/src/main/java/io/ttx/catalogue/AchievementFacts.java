package io.ttx.catalogue;

/** What other capabilities (valuation) need to know of an achievement the caller can see. */
public record AchievementFacts(ListingGrant grant, int trl, boolean openLicence, TechField field) { }
