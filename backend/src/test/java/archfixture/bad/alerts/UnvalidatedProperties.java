package archfixture.bad.alerts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Deliberately bad: settings without @Validated. */
@ConfigurationProperties("bad")
public record UnvalidatedProperties(int size) {
}
