@NullMarked
package io.ttx.valuation.web;

import org.jspecify.annotations.NullMarked;
