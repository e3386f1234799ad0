/** The brokerage capability's MongoDB documents and stores: deals with their trail and events, one register per achievement. */
@NullMarked
package io.ttx.brokerage.persistence;

import org.jspecify.annotations.NullMarked;
