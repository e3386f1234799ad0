/** The voucher routes: request mapping and bounds, role rules; the rules themselves are the service's and the domain's. */
@NullMarked
package io.ttx.vouchers.web;

import org.jspecify.annotations.NullMarked;
