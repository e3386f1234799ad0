@NullMarked
package io.ttx.documents.web;

import org.jspecify.annotations.NullMarked;
