@NullMarked
package io.ttx.shared.stores;

import org.jspecify.annotations.NullMarked;
