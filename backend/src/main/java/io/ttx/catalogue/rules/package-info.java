@NullMarked
package io.ttx.catalogue.rules;

import org.jspecify.annotations.NullMarked;
