@NullMarked
@NamedInterface("stores")
package io.ttx.shared.stores;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
