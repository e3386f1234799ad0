package io.ttx.catalogue;

/** Patent legal status (WIPO ST.27 categories, simplified). */
public enum LegalStatus { PENDING, GRANTED, LAPSED, EXPIRED, REVOKED, WITHDRAWN }
