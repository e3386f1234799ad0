/** MongoDB documents and stores of the voucher capability; only this module reads or writes these collections. */
@NullMarked
package io.ttx.vouchers.persistence;

import org.jspecify.annotations.NullMarked;
