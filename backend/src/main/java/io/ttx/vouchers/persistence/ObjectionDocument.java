package io.ttx.vouchers.persistence;

import org.springframework.data.annotation.Id;

import java.time.Instant;

/** An objection to an agency's admission, filed during its public notice ({@code agency_objections}). */
public record ObjectionDocument(@Id String id, String agencyId, String text, String by, Instant at) { }
