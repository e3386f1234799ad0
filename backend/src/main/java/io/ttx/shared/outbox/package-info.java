@NullMarked
@NamedInterface("outbox")
package io.ttx.shared.outbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
