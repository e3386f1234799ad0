@NullMarked
package io.ttx.search.persistence;

import org.jspecify.annotations.NullMarked;
