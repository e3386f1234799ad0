package io.ttx.documents.storage;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import io.minio.MinioAsyncClient;
import io.minio.UploadPartResponse;
import io.minio.messages.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One upload of a stream of unknown length as an S3 multipart upload, run on an {@link UploadThreads} thread. Part
 * n + 1 is read from the client while part n travels to S3, so the two transfers overlap instead of taking turns
 * (MinIO's {@code putObject} reads a part, then sends it); two part buffers per upload. Any failure (the client's
 * stream broke or passed a limit, S3 refused) aborts the multipart upload, so S3 keeps nothing of it.
 */
final class MultipartPut {
    private static final Logger log = LoggerFactory.getLogger(MultipartPut.class);
    private static final Multimap<String, String> NONE = ImmutableMultimap.of();

    private final MinioAsyncClient s3;
    private final String bucket;
    private final String region;
    private final int partSize;
    private final Duration timeout;

    MultipartPut(MinioAsyncClient s3, String bucket, String region, int partSize, Duration timeout) {
        this.s3 = s3;
        this.bucket = bucket;
        this.region = region;
        this.partSize = partSize;
        this.timeout = timeout;
    }

    /** Blocking: streams {@code in} to {@code key}; returns once S3 completed the object, or throws having aborted it. */
    void run(String key, InputStream in, String contentType) throws Exception {
        String uploadId = await(s3.createMultipartUploadAsync(bucket, region, key, ImmutableMultimap.of("Content-Type", contentType), NONE))
            .result().uploadId();
        try {
            Part[] parts = uploadParts(key, uploadId, in);
            await(s3.completeMultipartUploadAsync(bucket, region, key, uploadId, parts, NONE, NONE));
        } catch (Exception e) {
            abort(key, uploadId);
            throw e;
        }
    }

    private Part[] uploadParts(String key, String uploadId, InputStream in) throws Exception {
        List<Part> done = new ArrayList<>();
        byte[][] buffers = {new byte[partSize], new byte[partSize]};
        int filling = 0;
        int length = readFully(in, buffers[filling]);
        CompletableFuture<UploadPartResponse> sending = null;
        try {
            do {
                if (sending != null) done.add(part(await(sending))); // the other buffer is free again
                sending = s3.uploadPartAsync(bucket, region, key, buffers[filling], length, uploadId, done.size() + 1, NONE, NONE);
                filling = 1 - filling;
                if (length < partSize) break; // a short part is the last one
                length = readFully(in, buffers[filling]); // the next part arrives while this one is sent
            } while (length > 0);
            done.add(part(await(sending)));
            return done.toArray(Part[]::new);
        } catch (Exception e) {
            if (sending != null) settle(sending); // abort after the part in flight, not beside it
            throw e;
        }
    }

    private static Part part(UploadPartResponse r) {
        return new Part(r.partNumber(), r.etag());
    }

    private static int readFully(InputStream in, byte[] buffer) throws IOException {
        int n = 0;
        while (n < buffer.length) {
            int r = in.read(buffer, n, buffer.length - n);
            if (r < 0) break;
            n += r;
        }
        return n;
    }

    private <T> T await(CompletableFuture<T> call) throws Exception {
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void settle(CompletableFuture<?> call) {
        try {
            call.handle((r, x) -> r).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("part still in flight: {}", e.toString());
        }
    }

    private void abort(String key, String uploadId) {
        try {
            await(s3.abortMultipartUploadAsync(bucket, region, key, uploadId, NONE, NONE));
        } catch (Exception e) {
            // S3 drops it with the bucket's lifecycle rule for incomplete uploads (see architecture.md)
            log.warn("could not abort the multipart upload of {}: {}", key, e.toString());
        }
    }
}
