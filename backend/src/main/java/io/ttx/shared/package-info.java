@NullMarked
package io.ttx.shared;

import org.jspecify.annotations.NullMarked;
