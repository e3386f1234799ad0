@NullMarked
package io.ttx.documents.text;

import org.jspecify.annotations.NullMarked;
