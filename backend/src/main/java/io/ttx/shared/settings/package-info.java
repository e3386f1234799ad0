/**
 * Checks the settings a profile cannot start without, before anything connects: in the prod profile every address
 * and credential comes from the environment, and a missing or malformed one stops the start with one line naming it.
 */
@NullMarked
package io.ttx.shared.settings;

import org.jspecify.annotations.NullMarked;
