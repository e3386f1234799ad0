@NullMarked
package io.ttx.documents.storage;

import org.jspecify.annotations.NullMarked;
