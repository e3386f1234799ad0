/**
 * The shared kernel: what every module may use and that knows no capability (ids, USCC, money in fen, domain errors,
 * the clock). Its named interfaces are {@code outbox} (events inside aggregate documents, the relay), {@code jobs}
 * (leases, leased periodic rounds, start-up tasks), {@code web} (the one problem+json error handling, body limits,
 * cursors) and {@code stores} (store settings, clients, health).
 */
@NullMarked
package io.ttx.shared;

import org.jspecify.annotations.NullMarked;
