/** Zero-downtime rebuild of the search indices: a new generation loaded from MongoDB, then an atomic alias switch. */
@NullMarked
package io.ttx.search.reindex;

import org.jspecify.annotations.NullMarked;
