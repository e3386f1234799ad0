@NullMarked
package io.ttx.identity.web;

import org.jspecify.annotations.NullMarked;
