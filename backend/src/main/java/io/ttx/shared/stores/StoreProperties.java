package io.ttx.shared.stores;

import com.mongodb.ReadConcernLevel;
import com.mongodb.WriteConcern;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Where the backing stores are, and how long the backend waits for each. Nothing is embedded in the backend: the
 * same jar talks to the dev stack or to a production replica set, cluster and MinIO, depending only on these settings.
 * Every wait on a store is bounded (docs/decisions.md, "Store timeouts"): a store that accepts connections and never
 * answers costs a request at most its timeout, then a 503.
 */
@Validated
@ConfigurationProperties("ttx.stores")
public record StoreProperties(@Valid @NotNull Mongo mongodb, @Valid @NotNull Elasticsearch elasticsearch,
                              @Valid @NotNull S3 s3) {

    /**
     * @param uri                    connection string; a replica set in production ({@code ?replicaSet=...}), the pool
     *                               size too ({@code maxPoolSize}, 100 by default)
     * @param database               database name
     * @param serverSelectionTimeout how long an operation waits for a reachable server before failing (then 503)
     * @param connectTimeout         TCP connect (and the monitor's heartbeat)
     * @param readTimeout            longest wait for one reply of the server: bounds every operation on a server that
     *                               stalls; a cursor's batches are waited for one at a time, so long reads still work
     * @param writeConcern           {@code majority}, {@code acknowledged}, {@code journaled}, ... or a number of members;
     *                               unset: what the URI says (the dev stack's server knows no replication)
     * @param writeConcernTimeout    how long a write waits for the members its write concern names (unset: no limit)
     * @param readConcern            {@code majority}, {@code local}, ...; unset: what the URI says
     * @param retryWrites            retry a write once after a failover; unset: what the URI says (the driver: yes)
     * @param sslBundle              Spring SSL bundle whose trust (and keys) TLS uses; unset: the JVM's trust store
     *                               when the URI asks for TLS ({@code tls=true})
     */
    public record Mongo(@NotBlank String uri, @NotBlank String database,
                        @NotNull @DurationMin(millis = 1) Duration serverSelectionTimeout,
                        @NotNull @DurationMin(millis = 1) Duration connectTimeout,
                        @NotNull @DurationMin(millis = 1) Duration readTimeout,
                        @Nullable String writeConcern, @Nullable @DurationMin(millis = 1) Duration writeConcernTimeout,
                        @Nullable String readConcern, @Nullable Boolean retryWrites, @Nullable String sslBundle) {

        @AssertTrue(message = "writeConcern must name a write concern (majority, acknowledged, journaled, w1, ...) or a number")
        boolean isWriteConcernKnown() {
            return writeConcern == null || writeConcern.isBlank() || writeConcern.strip().matches("[1-9][0-9]?")
                || WriteConcern.valueOf(writeConcern.strip()) != null;
        }

        @AssertTrue(message = "readConcern must name a read concern level (local, majority, linearizable, ...)")
        boolean isReadConcernKnown() {
            if (readConcern == null || readConcern.isBlank()) return true;
            try {
                ReadConcernLevel.fromString(readConcern.strip());
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    /**
     * @param uris              one or more node URLs of the cluster; username/password or apiKey optional
     * @param connectTimeout    TCP connect
     * @param responseTimeout   longest silence of a node while a request is sent or its response awaited
     * @param backgroundTimeout the same for background work ({@link BackgroundElasticsearch}: bulk writes, index
     *                          administration), which a busy cluster may legitimately keep waiting longer
     * @param maxConnections    an upper bound of max-connections-per-node (connections are pooled per node since the
     *                          client runs on Reactor Netty: with n nodes a client may hold n times the per-node figure)
     * @param maxConnectionsPerNode connections of each client (requests and background work have one each) to one node
     * @param sslBundle         Spring SSL bundle whose trust (and keys) https URIs use, e.g. the cluster's own CA;
     *                          unset: the JVM's trust store
     */
    public record Elasticsearch(@NotEmpty List<URI> uris, @Nullable String username, @Nullable String password,
                                @Nullable String apiKey, @NotNull @DurationMin(millis = 1) Duration connectTimeout,
                                @NotNull @DurationMin(millis = 1) Duration responseTimeout,
                                @NotNull @DurationMin(millis = 1) Duration backgroundTimeout,
                                @Positive int maxConnections, @Positive int maxConnectionsPerNode, @Nullable String sslBundle) {

        @AssertTrue(message = "every uri must be an http or https URL with a host")
        boolean isEveryUriHttp() {
            return uris == null || uris.stream().allMatch(StoreProperties::isHttpUrl);
        }
    }

    /**
     * @param bucket         created on first use when missing
     * @param connectTimeout TCP connect
     * @param readTimeout    longest wait for each read of a response (headers, then every chunk of a download)
     * @param writeTimeout   longest wait for each write of a request body: applies per write, so a large upload
     *                       (parts of several MB) takes as long as it needs while the store keeps reading
     * @param requestTimeout longest wait for one S3 call of an upload (create, part, complete, abort)
     * @param uploadThreads  threads uploads stream to S3 on (one per running upload; each holds two part buffers)
     * @param uploadQueue    uploads waiting for a thread; beyond it an upload is refused (503) instead of piling up
     * @param pathStyle      {@code true}: bucket in the path ({@code host/bucket/key}, MinIO, Ceph RGW); {@code false}:
     *                       in the host name ({@code bucket.host/key}); unset: the client's choice (the host name for
     *                       Amazon S3 endpoints, the path for any other)
     * @param sslBundle      Spring SSL bundle whose trust (and keys) an https endpoint uses; unset: the JVM's trust store
     */
    public record S3(@NotNull URI endpoint, @NotBlank String accessKey, @NotBlank String secretKey,
                     @NotBlank String bucket, @NotBlank String region,
                     @NotNull @DurationMin(millis = 1) Duration connectTimeout,
                     @NotNull @DurationMin(millis = 1) Duration readTimeout,
                     @NotNull @DurationMin(millis = 1) Duration writeTimeout,
                     @NotNull @DurationMin(millis = 1) Duration requestTimeout, @Positive int uploadThreads, @PositiveOrZero int uploadQueue,
                     @Nullable Boolean pathStyle, @Nullable String sslBundle) {

        @AssertTrue(message = "endpoint must be an http or https URL with a host")
        boolean isEndpointHttp() {
            return endpoint == null || isHttpUrl(endpoint);
        }
    }

    static boolean isHttpUrl(URI uri) {
        return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
    }
}
