package io.ttx.documents.storage;

import com.google.common.collect.ImmutableMultimap;
import io.minio.GetObjectArgs;
import io.minio.MinioAsyncClient;
import io.minio.messages.Upload;
import io.ttx.shared.stores.StoreProperties;
import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.Disposable;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads stream to S3 on our own upload threads in parts (5 MB in tests), and a broken stream leaves nothing in S3. */
class ObjectStoreIT extends IntegrationTest {
    private static final int SIZE = 12 * 1024 * 1024 + 12_345; // three parts, the last one short

    @Autowired
    ObjectStore objects;
    @Autowired
    MinioAsyncClient s3;
    @Autowired
    StoreProperties stores;

    @Test
    void anUploadReadsAndSendsItsPartsOnTheUploadThreadsOnly() throws Exception {
        String key = "achievements/ach_threads" + System.nanoTime() + "/doc_x";
        Generated in = new Generated(SIZE, -1);
        objects.put(key, in, "application/octet-stream").block(Duration.ofSeconds(60));
        assertThat(in.readers).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith(UploadThreads.PREFIX));
        MessageDigest stored = MessageDigest.getInstance("SHA-256");
        long size = 0;
        try (InputStream back = s3.getObject(GetObjectArgs.builder().bucket(stores.s3().bucket()).object(key).build()).get()) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = back.read(buf)) > 0; size += n) stored.update(buf, 0, n);
        }
        assertThat(size).isEqualTo(SIZE);
        assertThat(stored.digest()).isEqualTo(in.sha256.digest());
        objects.delete(key).block(Duration.ofSeconds(10));
    }

    @Test
    void aStreamThatBreaksAfterTwoPartsLeavesNeitherObjectNorUpload() throws Exception {
        String key = "achievements/ach_broken" + System.nanoTime() + "/doc_x";
        assertThatThrownBy(() -> objects.put(key, new Generated(SIZE, 11 * 1024 * 1024), "application/octet-stream")
            .block(Duration.ofSeconds(60))).hasRootCauseInstanceOf(IOException.class);
        assertThat(objects.list(key).collectList().block(Duration.ofSeconds(10))).isEmpty();
        assertThat(openUploads(key)).isEmpty();
    }

    private List<Upload> openUploads(String key) {
        try {
            return s3.listMultipartUploadsAsync(stores.s3().bucket(), null, null, null, null, 100, key, null,
                ImmutableMultimap.of(), ImmutableMultimap.of()).get().result().uploads();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCancelledUploadLeavesNothingEvenWhenItsClosedStreamReadsAsItsEnd() throws Exception {
        String key = "achievements/ach_cancelled" + System.nanoTime() + "/doc_x";
        Stalling in = new Stalling(100_000);
        Disposable upload = objects.put(key, in, "application/octet-stream").subscribe();
        eventually(Duration.ofSeconds(10), () -> assertThat(in.served).isTrue());
        upload.dispose();
        // the upload thread has decided once it read the closed stream and no multipart upload is open any more
        eventually(Duration.ofSeconds(20), () -> {
            assertThat(in.readAfterClose).isTrue();
            assertThat(openUploads(key)).isEmpty();
        });
        assertThat(objects.list(key).collectList().block(Duration.ofSeconds(10))).isEmpty();
    }

    /** Serves some bytes, then waits for the client until closed, and then reads as ended (as a SequenceInputStream does). */
    private static final class Stalling extends InputStream {
        private final CountDownLatch closed = new CountDownLatch(1);
        private int left;
        volatile boolean served;
        volatile boolean readAfterClose;

        Stalling(int size) {
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left > 0) {
                int n = Math.min(len, left);
                left -= n;
                return n;
            }
            served = true;
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            readAfterClose = closed.getCount() == 0;
            return -1;
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    /** Pseudo-random bytes that remember which threads read them, optionally breaking at some offset. */
    private static final class Generated extends InputStream {
        final Set<String> readers = ConcurrentHashMap.newKeySet();
        final MessageDigest sha256;
        private final long size;
        private final long breakAt;
        private long pos;

        Generated(long size, long breakAt) throws Exception {
            this.size = size;
            this.breakAt = breakAt;
            this.sha256 = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            readers.add(Thread.currentThread().getName());
            if (breakAt >= 0 && pos >= breakAt) throw new IOException("the client went away");
            if (pos >= size) return -1;
            int n = (int) Math.min(Math.min(len, 8192), size - pos);
            for (int i = 0; i < n; i++) b[off + i] = (byte) ((pos + i) * 31 >>> 3);
            sha256.update(b, off, n);
            pos += n;
            return n;
        }
    }
}
