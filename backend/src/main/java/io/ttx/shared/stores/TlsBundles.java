package io.ttx.shared.stores;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * A store's TLS trust: the Spring SSL bundle it names ({@code spring.ssl.bundle.pem.<name>.truststore.certificate},
 * for a cluster's own CA), or none for the JVM's trust store. An unknown name stops the start.
 */
final class TlsBundles {
    private TlsBundles() { }

    static @Nullable SslBundle named(SslBundles bundles, @Nullable String name) {
        return name == null || name.isBlank() ? null : bundles.getBundle(name.strip());
    }
}
