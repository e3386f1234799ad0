/**
 * The shared kernel: what every module may use and that knows no capability (ids, USCC, domain errors, the clock).
 * Its named interfaces are {@code outbox} (events inside aggregate documents, the relay, leases), {@code web} (the one
 * problem+json error handling, body limits, cursors) and {@code stores} (store settings, clients, health).
 */
@NullMarked
package io.ttx.shared;

import org.jspecify.annotations.NullMarked;
