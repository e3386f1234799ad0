package archfixture.bad.valuation.domain;

import org.springframework.stereotype.Component;

/** Deliberately bad: a pure domain type that depends on Spring. */
@Component
public class SpringyDomain {
}
