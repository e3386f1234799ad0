package io.ttx.brokerage.domain;

/** The platform roles a caller's token carries; the caller maps the JWT's role names to these. */
public enum Role { TTO, RESEARCHER, ENTERPRISE, BROKER, ADMIN, AUDITOR }
