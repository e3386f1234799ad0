@NullMarked
@NamedInterface("web")
package io.ttx.shared.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
