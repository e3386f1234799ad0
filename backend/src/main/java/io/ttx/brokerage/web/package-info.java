/** HTTP routes of the brokerage capability: deals, their commands and trail, an achievement's grants. */
@NullMarked
package io.ttx.brokerage.web;

import org.jspecify.annotations.NullMarked;
