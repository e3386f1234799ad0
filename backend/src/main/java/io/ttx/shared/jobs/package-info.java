/**
 * Background work shared by every capability: start-up tasks retried until the stores answer, and periodic jobs that
 * one replica at a time works under a lease in MongoDB. Knows no capability.
 */
@NullMarked
@NamedInterface("jobs")
package io.ttx.shared.jobs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
