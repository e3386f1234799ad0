@NullMarked
package io.ttx.alerts.persistence;

import org.jspecify.annotations.NullMarked;
