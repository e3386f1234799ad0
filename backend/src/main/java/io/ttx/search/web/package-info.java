@NullMarked
package io.ttx.search.web;

import org.jspecify.annotations.NullMarked;
