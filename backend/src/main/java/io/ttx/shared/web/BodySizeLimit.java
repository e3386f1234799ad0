package io.ttx.shared.web;

import org.springframework.util.unit.DataSize;

/** A capability's own request-size limit for some routes (e.g. uploads), contributed as a bean. */
public record BodySizeLimit(String pathPattern, DataSize limit) { }
