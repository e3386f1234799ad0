/**
 * Innovation vouchers (创新券, module API): regional programmes with a budget, admitted service agencies, vouchers
 * issued to small firms and redeemed by agencies of any accepted province (通用通兑), approval, settlement batches
 * and post-subsidy figures. The ledger rules live in the pure {@code domain} package.
 */
@NullMarked
package io.ttx.vouchers;

import org.jspecify.annotations.NullMarked;
