package io.ttx.shared.stores;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.ReadConcernLevel;
import com.mongodb.WriteConcern;
import com.mongodb.connection.NettyTransportSettings;
import com.mongodb.connection.TransportSettings;
import io.netty.handler.ssl.SslContextBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ssl.SslBundle;

import javax.net.ssl.SSLException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The MongoDB client's settings: the connection string, then what {@link StoreProperties.Mongo} sets explicitly (it
 * wins over the same option in the URI), so that the prod profile can require majority writes whatever the URI says
 * while the dev stack's server, which knows no replication, keeps the driver's defaults.
 */
final class MongoSettings {
    private MongoSettings() { }

    /**
     * Netty transport: the driver's default for the reactive client (an {@code AsynchronousSocketChannel}) ignores
     * the connect timeout, so a connect that is never answered would hang an operation for minutes. No client-side
     * operation timeout (the driver's {@code timeoutMS}): it is an alpha API, and it would bound a whole cursor's
     * life, so a long streamed read (the reindex) would fail; the socket read timeout bounds each reply instead.
     */
    static MongoClientSettings of(StoreProperties.Mongo m, @Nullable SslBundle tls) {
        MongoClientSettings.Builder b = MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(m.uri()))
            .transportSettings(transport(tls))
            .applyToClusterSettings(c -> c.serverSelectionTimeout(m.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
            .applyToSocketSettings(s -> s.connectTimeout(m.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(m.readTimeout().toMillis(), TimeUnit.MILLISECONDS));
        WriteConcern w = writeConcern(m.writeConcern(), m.writeConcernTimeout());
        if (w != null) b.writeConcern(w);
        if (present(m.readConcern())) b.readConcern(new ReadConcern(ReadConcernLevel.fromString(m.readConcern().strip())));
        if (m.retryWrites() != null) b.retryWrites(m.retryWrites());
        if (tls != null) b.applyToSslSettings(s -> s.enabled(true));
        return b.build();
    }

    static @Nullable WriteConcern writeConcern(@Nullable String name, @Nullable Duration timeout) {
        if (!present(name)) return null;
        String n = name.strip();
        WriteConcern w = n.matches("[0-9]+") ? new WriteConcern(Integer.parseInt(n)) : WriteConcern.valueOf(n);
        if (w == null) throw new IllegalArgumentException("unknown write concern " + n);
        return timeout == null ? w : w.withWTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** With Netty, TLS takes Netty's own context: the driver ignores a JDK {@code SSLContext} there. */
    private static NettyTransportSettings transport(@Nullable SslBundle tls) {
        NettyTransportSettings.Builder netty = TransportSettings.nettyBuilder();
        if (tls == null) return netty.build();
        try {
            return netty.sslContext(SslContextBuilder.forClient().trustManager(tls.getManagers().getTrustManagerFactory())
                .keyManager(tls.getManagers().getKeyManagerFactory()).build()).build();
        } catch (SSLException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
