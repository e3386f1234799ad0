@NullMarked
package io.ttx;

import org.jspecify.annotations.NullMarked;
