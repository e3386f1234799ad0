/** The administrators' view of the outbox: its dead letters (list, retry). */
@NullMarked
package io.ttx.shared.outbox.web;

import org.jspecify.annotations.NullMarked;
