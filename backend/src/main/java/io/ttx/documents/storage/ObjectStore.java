package io.ttx.documents.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.http.Method;
import io.minio.messages.Item;
import io.ttx.documents.DocumentProperties;
import io.ttx.shared.stores.Async;
import io.ttx.shared.stores.StoreProperties;
import org.springframework.stereotype.Component;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Documents' bytes in S3 (MinIO SDK, async client). Uploads stream from an InputStream in multipart parts of the
 * configured size, so memory stays bounded whatever the file size. The bucket is created on first use.
 */
@Component
public class ObjectStore {
    private final MinioAsyncClient s3;
    private final MinioAsyncClient signer;
    private final String bucket;
    private final long partSize;
    private final Mono<Void> bucketReady;

    ObjectStore(MinioAsyncClient s3, StoreProperties stores, DocumentProperties props) {
        this.s3 = s3;
        this.bucket = stores.s3().bucket();
        this.partSize = props.partSize().toBytes();
        // presigned URLs carry the host in their signature: sign for the endpoint browsers use when it differs
        this.signer = props.publicEndpoint() == null ? s3 : MinioAsyncClient.builder().endpoint(props.publicEndpoint().toString())
            .credentials(stores.s3().accessKey(), stores.s3().secretKey()).region(stores.s3().region()).build();
        this.bucketReady = Mono.defer(this::ensureBucket).cache(ok -> Duration.ofDays(3650), e -> Duration.ZERO, () -> Duration.ZERO);
    }

    private Mono<Void> ensureBucket() {
        return Async.mono(() -> s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()))
            .flatMap(exists -> exists ? Mono.<Void>empty() : Async.mono(() -> s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).build())));
    }

    /** Streams {@code in} (unknown length) to {@code key}; blocking reads happen on the bounded-elastic scheduler. */
    public Mono<Void> put(String key, InputStream in, String contentType) {
        return bucketReady.then(Mono.fromCallable(() -> s3.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(in, -1, partSize).contentType(contentType).build()))
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(Mono::fromFuture)).then();
    }

    public Mono<Void> delete(String key) {
        return Async.mono(() -> s3.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build()));
    }

    public Mono<InputStream> open(String key) {
        return Async.mono(() -> s3.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())).map(r -> r);
    }

    /** A GET URL valid for {@code ttl}, served as an attachment under the original file name. */
    public URI presign(String key, String filename, String contentType, Duration ttl) throws Exception {
        String disposition = "attachment; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(signer.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET).bucket(bucket)
            .object(key).expiry((int) Math.max(1, ttl.toSeconds()))
            .extraQueryParams(Map.of("response-content-disposition", disposition, "response-content-type", contentType)).build()));
    }

    /** Objects under a prefix with their last-modified time (for the orphan sweep). */
    public Flux<Map.Entry<String, Instant>> list(String prefix) {
        return bucketReady.thenMany(Flux.defer(() -> Flux.fromIterable(s3.listObjects(ListObjectsArgs.builder().bucket(bucket)
                .prefix(prefix).recursive(true).build())))
            .map(r -> {
                try {
                    Item item = r.get();
                    return Map.entry(item.objectName(), item.lastModified().toInstant());
                } catch (Exception e) {
                    throw Exceptions.propagate(e);
                }
            })
            .subscribeOn(Schedulers.boundedElastic()));
    }
}
