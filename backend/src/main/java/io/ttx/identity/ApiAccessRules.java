package io.ttx.identity;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * A capability's route rules (role checks), contributed as a bean and applied before the deny-by-default rule.
 * Ownership (which organisation may touch which record) is checked by the capability's service, never here.
 */
public interface ApiAccessRules {
    void apply(AuthorizeExchangeSpec rules);
}
