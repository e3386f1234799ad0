package io.ttx.brokerage.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The transfer centre brokering a deal: its organisation (USCC) and, when a broker claimed the deal, that broker's
 * subject. Null subject when the seller or an admin assigned the organisation; every broker of it acts as BROKER.
 */
public record Broker(String org, @Nullable String subject) {

    public Broker {
        Objects.requireNonNull(org, "org");
    }
}
