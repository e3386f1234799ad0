/**
 * Pure voucher rules: programmes and their budget, issuance within the yearly caps, redemption checks in their fixed
 * order and the subsidy to the fen, the redemption's states, the append-only ledger and settlement lines. Amounts are
 * integer fen; no Spring, Mongo or clock: the caller passes the time and the day (China time).
 */
@NullMarked
package io.ttx.vouchers.domain;

import org.jspecify.annotations.NullMarked;
