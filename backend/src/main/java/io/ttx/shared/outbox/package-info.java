@NullMarked
package io.ttx.shared.outbox;

import org.jspecify.annotations.NullMarked;
