@NullMarked
package io.ttx.search.elastic;

import org.jspecify.annotations.NullMarked;
