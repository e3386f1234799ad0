@NullMarked
package io.ttx.documents;

import org.jspecify.annotations.NullMarked;
