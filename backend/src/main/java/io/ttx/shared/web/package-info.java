@NullMarked
package io.ttx.shared.web;

import org.jspecify.annotations.NullMarked;
