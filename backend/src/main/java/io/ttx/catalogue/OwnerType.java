package io.ttx.catalogue;

/** What kind of organisation owns an achievement. */
public enum OwnerType { UNIVERSITY, INSTITUTE, ENTERPRISE, INDIVIDUAL }
