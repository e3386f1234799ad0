@NullMarked
package io.ttx.documents.persistence;

import org.jspecify.annotations.NullMarked;
