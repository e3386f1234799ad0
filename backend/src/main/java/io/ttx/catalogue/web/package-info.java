@NullMarked
package io.ttx.catalogue.web;

import org.jspecify.annotations.NullMarked;
