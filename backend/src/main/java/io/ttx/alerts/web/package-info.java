@NullMarked
package io.ttx.alerts.web;

import org.jspecify.annotations.NullMarked;
