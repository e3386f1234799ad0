package io.ttx.vouchers;

import io.ttx.catalogue.Money;
import io.ttx.vouchers.domain.Category;

import java.time.Instant;

/** A service product of an admitted agency (module API). */
public record ProductView(String id, String agencyId, Category category, String name, Money price, Instant createdAt) { }
