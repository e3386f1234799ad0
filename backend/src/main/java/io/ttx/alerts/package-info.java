@NullMarked
package io.ttx.alerts;

import org.jspecify.annotations.NullMarked;
