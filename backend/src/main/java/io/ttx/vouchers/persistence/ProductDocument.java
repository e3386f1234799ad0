package io.ttx.vouchers.persistence;

import org.springframework.data.annotation.Id;

import java.time.Instant;

/** A service product an admitted agency publishes ({@code agency_products}); the price in fen. */
public record ProductDocument(@Id String id, String agencyId, String category, String name, long price, Instant createdAt) { }
