/**
 * Brokerage capability (module API): deals between the owner of an achievement (acting through its technology-transfer
 * office) and an enterprise buyer, brokered by a transfer centre, from the first inquiry through NDA, term sheet,
 * contract, registration and payments to royalties. The rules live in the pure {@code domain} package; the service,
 * persistence and web layers build on it.
 */
@NullMarked
package io.ttx.brokerage;

import org.jspecify.annotations.NullMarked;
