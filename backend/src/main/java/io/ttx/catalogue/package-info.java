@NullMarked
package io.ttx.catalogue;

import org.jspecify.annotations.NullMarked;
