@NullMarked
package io.ttx.alerts.webhooks;

import org.jspecify.annotations.NullMarked;
