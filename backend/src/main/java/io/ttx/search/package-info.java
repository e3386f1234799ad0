@NullMarked
package io.ttx.search;

import org.jspecify.annotations.NullMarked;
