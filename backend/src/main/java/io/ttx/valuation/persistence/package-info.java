@NullMarked
package io.ttx.valuation.persistence;

import org.jspecify.annotations.NullMarked;
