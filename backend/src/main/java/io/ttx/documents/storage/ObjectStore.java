package io.ttx.documents.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.RemoveObjectArgs;
import io.minio.http.Method;
import io.minio.messages.Item;
import io.ttx.documents.DocumentProperties;
import io.ttx.shared.stores.Async;
import io.ttx.shared.stores.S3Clients;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Documents' bytes in S3 (MinIO SDK, async client). Uploads stream from an InputStream in multipart parts of the
 * configured size on our own bounded threads ({@link UploadThreads}, {@link MultipartPut}), so memory stays bounded
 * whatever the file size and however many uploads arrive. The bucket is created on first use.
 */
@Component
public class ObjectStore {
    private final MinioAsyncClient s3;
    private final MinioAsyncClient signer;
    private final String bucket;
    private final MultipartPut uploads;
    private final Executor uploadThreads;
    private final Mono<Void> bucketReady;

    ObjectStore(MinioAsyncClient s3, S3Clients clients, StoreProperties stores, DocumentProperties props, UploadThreads threads) {
        this.s3 = s3;
        this.bucket = stores.s3().bucket();
        this.uploads = new MultipartPut(s3, bucket, stores.s3().region(), Math.toIntExact(props.partSize().toBytes()),
            stores.s3().requestTimeout());
        this.uploadThreads = threads.executor();
        // presigned URLs carry the host in their signature: sign for the endpoint browsers use when it differs
        this.signer = props.publicEndpoint() == null ? s3 : clients.client(props.publicEndpoint());
        this.bucketReady = Mono.defer(this::ensureBucket).cache(ok -> Duration.ofDays(3650), e -> Duration.ZERO, () -> Duration.ZERO);
    }

    private Mono<Void> ensureBucket() {
        return Async.mono(() -> s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()))
            .flatMap(exists -> exists ? Mono.<Void>empty() : Async.mono(() -> s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).build())));
    }

    /**
     * Streams {@code in} (unknown length) to {@code key} on an upload thread; fails at once when every thread and queue
     * place is taken. Cancelling closes the stream, which ends the thread's wait for the client.
     */
    public Mono<Void> put(String key, InputStream in, String contentType) {
        return Mono.defer(() -> {
            CancellableInputStream guarded = new CancellableInputStream(in);
            return bucketReady.then(Mono.fromFuture(() -> CompletableFuture.runAsync(() -> {
                    try {
                        uploads.run(key, guarded, contentType);
                        // cancelled after the last byte was read: nobody registers this object, so it goes again
                        if (guarded.cancelled()) removeNow(key);
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                }, uploadThreads)))
                .doOnCancel(guarded::cancel);
        });
    }

    private void removeNow(String key) throws Exception {
        s3.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build()).get();
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
