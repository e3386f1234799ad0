@NullMarked
package io.ttx.catalogue.persistence;

import org.jspecify.annotations.NullMarked;
