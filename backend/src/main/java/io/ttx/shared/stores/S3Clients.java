package io.ttx.shared.stores;

import io.minio.MinioAsyncClient;
import io.minio.http.HttpUtils;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ssl.SslBundle;

import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.util.Arrays;

/**
 * Makes MinIO clients of the configured S3 store: its credentials, region, addressing style, TLS trust and timeouts.
 * Besides the store's own client, the documents module signs download URLs with a client of the endpoint browsers
 * use, which must address buckets the same way or the signatures would not match.
 */
public final class S3Clients {
    private final StoreProperties.S3 s3;
    private final @Nullable SslBundle tls;

    S3Clients(StoreProperties.S3 s3, @Nullable SslBundle tls) {
        this.s3 = s3;
        this.tls = tls;
    }

    /** OkHttp's timeouts apply per connect, per read and per write, never to a whole call: large uploads still work. */
    public MinioAsyncClient client(URI endpoint) {
        MinioAsyncClient.Builder builder = MinioAsyncClient.builder().endpoint(endpoint.toString())
            .credentials(s3.accessKey(), s3.secretKey()).region(s3.region());
        if (tls != null) builder.httpClient(trusting(tls), true);
        MinioAsyncClient client = builder.build();
        client.setTimeout(s3.connectTimeout().toMillis(), s3.writeTimeout().toMillis(), s3.readTimeout().toMillis());
        if (Boolean.TRUE.equals(s3.pathStyle())) client.disableVirtualStyleEndpoint();
        if (Boolean.FALSE.equals(s3.pathStyle())) client.enableVirtualStyleEndpoint();
        return client;
    }

    /** MinIO's own default client (HTTP/1.1, its headers), trusting the bundle instead of the JVM's trust store. */
    private static OkHttpClient trusting(SslBundle tls) {
        X509TrustManager trust = Arrays.stream(tls.getManagers().getTrustManagers())
            .filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast).findFirst()
            .orElseThrow(() -> new IllegalStateException("the SSL bundle has no X.509 trust manager"));
        return HttpUtils.newDefaultHttpClient(0, 0, 0).newBuilder()
            .sslSocketFactory(tls.createSslContext().getSocketFactory(), trust).build();
    }
}
