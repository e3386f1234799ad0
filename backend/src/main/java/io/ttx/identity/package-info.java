@NullMarked
package io.ttx.identity;

import org.jspecify.annotations.NullMarked;
